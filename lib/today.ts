import { officeDay } from './domain/dates';

/** Today's date as YYYY-MM-DD in the office's time zone (Europe/London), whatever the host's TZ. */
export function today(): string {
  return officeDay(new Date());
}
