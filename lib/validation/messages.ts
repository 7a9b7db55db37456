/**
 * Plain-English messages for anything a schema does not word itself, so that no one is ever shown
 * "Invalid input: expected string, received undefined". Installed once for the process by importing
 * this module (lib/auth/guard.ts does, so every server action and route handler has it).
 */
import { z } from 'zod';

/** "reviewedOn-day" → "reviewed on day"; "risk-I1" → "risk I1". */
export function fieldLabel(path: ReadonlyArray<PropertyKey> | undefined): string {
  const key = path?.length ? String(path[path.length - 1]) : '';
  if (!key || /^\d+$/.test(key)) return 'this answer';
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase()
    .replace(/\b(i|t)(\d+)\b/g, (_m, p: string, n: string) => `${p.toUpperCase()}${n}`);
}

const KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a set of answers',
  date: 'a date',
};

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function plainMessage(issue: {
  code?: string;
  input?: unknown;
  path?: ReadonlyArray<PropertyKey>;
  expected?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  inclusive?: unknown;
  origin?: unknown;
  values?: unknown;
  keys?: unknown;
}): string {
  const field = fieldLabel(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return `Enter ${field}`;
      return `${capitalised(field)} must be ${KIND[String(issue.expected)] ?? 'a different kind of answer'}`;
    case 'too_big':
      if (issue.origin === 'string') return `${capitalised(field)} must be ${Number(issue.maximum).toLocaleString('en-GB')} characters or fewer`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Give no more than ${Number(issue.maximum).toLocaleString('en-GB')} answers for ${field}`;
      return issue.inclusive === false
        ? `${capitalised(field)} must be less than ${Number(issue.maximum).toLocaleString('en-GB')}`
        : `${capitalised(field)} must be ${Number(issue.maximum).toLocaleString('en-GB')} or less`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? `Enter ${field}` : `${capitalised(field)} must be at least ${issue.minimum} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Give at least ${issue.minimum} ${Number(issue.minimum) === 1 ? 'answer' : 'answers'} for ${field}`;
      return issue.inclusive === false ? `${capitalised(field)} must be more than ${issue.minimum}` : `${capitalised(field)} must be ${issue.minimum} or more`;
    case 'invalid_value':
    case 'invalid_union':
      return `Choose one of the options for ${field}`;
    case 'invalid_format':
      return `${capitalised(field)} is not in the expected format`;
    case 'not_multiple_of':
      return `${capitalised(field)} must be a whole number`;
    case 'unrecognized_keys':
      return 'The form sent answers this page does not ask for; reload the page and try again';
    default:
      return `${capitalised(field)} is not a valid answer`;
  }
}

z.config({ customError: (issue) => plainMessage(issue as Parameters<typeof plainMessage>[0]) });
