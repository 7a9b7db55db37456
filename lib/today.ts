import { toDay } from './domain/dates';

/** Today's date as YYYY-MM-DD in the server's local time. */
export function today(): string {
  return toDay(new Date());
}
