const DAY = 24 * 60 * 60 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The last millisecond (UTC) of a `YYYY-MM-DD` date, or `undefined` when the
 * text is not such a date: an end date covers its whole day, wherever the
 * evaluation runs.
 */
export function endOfUtcDay(date: string): number | undefined {
  if (!DATE.test(date)) {
    return undefined;
  }
  const time = Date.parse(date);
  return Number.isNaN(time) ? undefined : time + DAY - 1;
}
