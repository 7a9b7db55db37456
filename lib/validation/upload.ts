/**
 * What a form's file input sent, and the JSON a preview hands back to its confirm form: read the same way by
 * every import (register, inspection report, minutes, forward work plan).
 */
import type { z } from 'zod';

export type ChosenFile = { kind: 'none' } | { kind: 'empty' } | { kind: 'file'; file: File };

/**
 * The file a form sent. A form with no file chosen still sends an empty part, named "" or by the browser
 * ("blob", "undefined"), so an empty part is a chosen file only when it carries a file's name (an extension).
 */
export function chosenFile(formData: FormData, field = 'file'): ChosenFile {
  const file = formData.get(field);
  if (!(file instanceof File)) return { kind: 'none' };
  if (file.size > 0) return { kind: 'file', file };
  return /\.[A-Za-z0-9]{1,5}$/.test(file.name) ? { kind: 'empty' } : { kind: 'none' };
}

/**
 * A preview's payload as it comes back from the confirm form, checked by `schema`, or null when it is not JSON
 * or not what the preview gave: only a checked preview is ever used or sent back to the page.
 */
export function readPayload<T>(text: string, schema: z.ZodType<T>): T | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
