/*
 * End dates are whole UTC days written YYYY-MM-DD: the engine, the backend,
 * the CLI and the frontend count them the same way, wherever they run.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether `text` is a YYYY-MM-DD day that exists on the calendar (not
 * 2027-02-30, which `Date.parse` accepts).
 *
 * @public
 */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) {
    return false;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/**
 * The UTC day of a time, YYYY-MM-DD.
 *
 * @public
 */
export function dayOf(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/**
 * The day `days` after `day` (both YYYY-MM-DD; `days` may be negative).
 *
 * @public
 */
export function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/**
 * The last millisecond (UTC) of a YYYY-MM-DD day, or `undefined` when the
 * text is not such a day: an end date covers its whole day.
 *
 * @public
 */
export function endOfUtcDay(day: string): number | undefined {
  return isCalendarDay(day)
    ? Date.parse(`${day}T00:00:00Z`) + DAY_MS - 1
    : undefined;
}

/**
 * Whole days from one YYYY-MM-DD day to another: negative when `to` is
 * earlier.
 *
 * @public
 */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS,
  );
}
