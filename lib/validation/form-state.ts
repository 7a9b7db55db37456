/**
 * What a server action answers a form with: errors field by field (shown in the GOV.UK error summary),
 * the values that were posted (so nothing typed is lost), and on success a message.
 */
export type FormState = {
  ok?: boolean;
  message?: string;
  formErrors?: string[];
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string | string[]>;
  /** Anything else the form shows back: a computed preview, who changed a record first, … */
  data?: Record<string, unknown>;
};

/** Form fields as plain values (repeated fields as arrays), for validation and for echoing back. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    values[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return values;
}

const SECRET_FIELDS = /password/i;

/** The posted values that may be sent back to the browser: never a password. */
export function echoValues(values: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.test(key)));
}
