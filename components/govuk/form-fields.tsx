import { FieldError } from '@/components/forms/field-error';

/** GOV.UK text input with label, hint and error message. */
export function TextInput({
  id,
  name,
  label,
  hint,
  type = 'text',
  defaultValue,
  errors,
  autoComplete,
  width,
}: {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'password';
  defaultValue?: string;
  errors?: string[];
  autoComplete?: string;
  width?: 10 | 20 | 30;
}) {
  const describedBy = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${errors?.length ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <FieldError id={id} errors={errors} />
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${errors?.length ? ' govuk-input--error' : ''}`}
        id={id}
        name={name ?? id}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        spellCheck={type === 'email' || type === 'password' ? false : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

/** GOV.UK radios in a fieldset with legend, hints per option and an error message. */
export function Radios({
  name,
  legend,
  options,
  defaultValue,
  errors,
  inline,
}: {
  name: string;
  legend: string;
  options: Array<{ value: string; text: string; hint?: string }>;
  defaultValue?: string;
  errors?: string[];
  inline?: boolean;
}) {
  return (
    <div className={`govuk-form-group${errors?.length ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={errors?.length ? `${name}-error` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <FieldError id={name} errors={errors} />
        <div className={`govuk-radios${inline ? ' govuk-radios--inline' : ''}`} data-module="govuk-radios">
          {options.map((option, i) => {
            const id = i === 0 ? name : `${name}-${i + 1}`;
            return (
              <div className="govuk-radios__item" key={option.value}>
                <input
                  className="govuk-radios__input"
                  id={id}
                  name={name}
                  type="radio"
                  value={option.value}
                  defaultChecked={defaultValue === option.value}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
                  {option.text}
                </label>
                {option.hint ? (
                  <div id={`${id}-hint`} className="govuk-hint govuk-radios__hint">
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
