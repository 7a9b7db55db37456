/** The message under a field in error, as GOV.UK shows it. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {errors[0]}
    </p>
  );
}

/** Error summary entries from a form state: form-level errors first, then each field's first error. */
export function summaryErrors(state: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } | undefined, firstField: string) {
  if (!state) return [];
  return [
    ...(state.formErrors ?? []).map((text) => ({ href: `#${firstField}`, text })),
    ...Object.entries(state.fieldErrors ?? {})
      .filter(([, errors]) => errors?.length)
      .map(([field, errors]) => ({ href: `#${field}`, text: errors![0]! })),
  ];
}
