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
  limit,
}: {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'password';
  defaultValue?: string;
  errors?: string[];
  autoComplete?: string;
  width?: 5 | 10 | 20 | 30;
  /** The most characters the server takes (lib/validation/limits.ts), said under the field. */
  limit?: number;
}) {
  const describedBy = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : '', limit ? `${id}-limit` : ''].filter(Boolean).join(' ') || undefined;
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
      <LimitHint id={id} limit={limit} />
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
  onChange,
  legendSize = 's',
}: {
  name: string;
  legend: string;
  options: Array<{ value: string; text: string; hint?: string }>;
  defaultValue?: string;
  errors?: string[];
  inline?: boolean;
  onChange?: (value: string) => void;
  legendSize?: 's' | 'm';
}) {
  return (
    <div className={`govuk-form-group${errors?.length ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={errors?.length ? `${name}-error` : undefined}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>{legend}</legend>
        <FieldError id={name} errors={errors} />
        <div className={`govuk-radios${inline ? ' govuk-radios--inline' : ''}`}>
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
                  onChange={onChange ? (e) => e.target.checked && onChange(option.value) : undefined}
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

/** GOV.UK textarea. */
export function Textarea({
  id,
  name,
  label,
  hint,
  defaultValue,
  errors,
  rows = 5,
  labelSize = 's',
  limit,
  perLine = false,
}: {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  errors?: string[];
  rows?: number;
  labelSize?: 's' | 'm';
  /** The most characters the server takes (lib/validation/limits.ts), said under the field: in all, or each line's. */
  limit?: number;
  perLine?: boolean;
}) {
  const describedBy = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : '', limit ? `${id}-limit` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${errors?.length ? ' govuk-form-group--error' : ''}`}>
      <label className={`govuk-label govuk-label--${labelSize}`} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <FieldError id={id} errors={errors} />
      <textarea
        className={`govuk-textarea${errors?.length ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={name ?? id}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy}
      />
      <LimitHint id={id} limit={limit} perLine={perLine} />
    </div>
  );
}

/** GOV.UK checkboxes in a fieldset. */
export function Checkboxes({
  name,
  legend,
  hint,
  options,
  defaultValues,
  errors,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: Array<{ value: string; text: string }>;
  defaultValues: string[];
  errors?: string[];
}) {
  const describedBy = [hint ? `${name}-hint` : '', errors?.length ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${errors?.length ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div id={`${name}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <FieldError id={name} errors={errors} />
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {options.map((option, i) => {
            const id = i === 0 ? name : `${name}-${i + 1}`;
            return (
              <div className="govuk-checkboxes__item" key={option.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={id}
                  name={name}
                  type="checkbox"
                  value={option.value}
                  defaultChecked={defaultValues.includes(option.value)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                  {option.text}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** GOV.UK date input: day, month and year, with one error for the whole date. */
export function DateInput({
  name,
  legend,
  hint,
  values,
  errors,
}: {
  name: string;
  legend: string;
  hint?: string;
  values: { day: string; month: string; year: string };
  errors?: string[];
}) {
  const describedBy = [hint ? `${name}-hint` : '', errors?.length ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const part = (key: 'day' | 'month' | 'year', label: string, width: 2 | 4) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={key === 'day' ? name : `${name}-${key}`}>
          {label}
        </label>
        <input
          className={`govuk-input govuk-date-input__input govuk-input--width-${width}${errors?.length ? ' govuk-input--error' : ''}`}
          id={key === 'day' ? name : `${name}-${key}`}
          name={`${name}-${key}`}
          type="text"
          inputMode="numeric"
          defaultValue={values[key]}
        />
      </div>
    </div>
  );
  return (
    <div className={`govuk-form-group${errors?.length ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div id={`${name}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <FieldError id={name} errors={errors} />
        <div className="govuk-date-input" id={`${name}-group`}>
          {part('day', 'Day', 2)}
          {part('month', 'Month', 2)}
          {part('year', 'Year', 4)}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * What GOV.UK's character count says without JavaScript ("You can enter up to 2,000 characters"), under the
 * field. The field itself has no maxlength: a browser that cuts text off loses what was typed unseen, so the
 * server refuses anything longer with a message instead.
 */
/**
 * GOV.UK file upload with label, hint and error message. `maxBytes` and `tooLarge` are the server's own limit and
 * words: the form refuses a larger file before sending it (components/forms/action-form.tsx).
 */
export function FileUpload({
  id = 'file',
  label,
  hint,
  accept,
  maxBytes,
  tooLarge,
  errors,
}: {
  id?: string;
  label: string;
  hint: string;
  accept: string;
  maxBytes: number;
  tooLarge: string;
  errors?: string[];
}) {
  return (
    <div className={`govuk-form-group${errors?.length ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--m" htmlFor={id}>
        {label}
      </label>
      <div id={`${id}-hint`} className="govuk-hint">
        {hint}
      </div>
      <FieldError id={id} errors={errors} />
      <input
        className="govuk-file-upload"
        id={id}
        name={id}
        type="file"
        accept={accept}
        data-max-bytes={maxBytes}
        data-too-large={tooLarge}
        aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ''}`}
      />
    </div>
  );
}

function LimitHint({ id, limit, perLine = false }: { id: string; limit?: number; perLine?: boolean }) {
  if (!limit) return null;
  return (
    <div id={`${id}-limit`} className="govuk-hint govuk-character-count__message">
      {perLine ? `Each line can be up to ${limit.toLocaleString('en-GB')} characters` : `You can enter up to ${limit.toLocaleString('en-GB')} characters`}
    </div>
  );
}
