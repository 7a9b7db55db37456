/** GOV.UK select with label and an optional error message. */
export function Select({
  id,
  name,
  label,
  options,
  defaultValue,
  error,
}: {
  id: string;
  name: string;
  label: string;
  options: Array<{ value: string; text: string }>;
  defaultValue?: string;
  error?: string;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {error ? (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {/* Keyed on its default so an answer that echoes a different choice remounts it: React does not update a
          select's default after mount, and the form's reset after an action would otherwise fall back to the first option. */}
      <select
        key={defaultValue ?? ''}
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={name}
        defaultValue={defaultValue ?? ''}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
