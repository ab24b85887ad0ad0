import { isScalar } from 'yaml';
import { isCalendarDay } from '../calendarDays';
import { describeNode, Mapping } from './mapping';

/**
 * Reads a YYYY-MM-DD day (such as `dueAt` or `enforcedFrom`). A document
 * under `%YAML 1.1` reads an unquoted day as a timestamp: its source text is
 * taken instead, so that the day is the one written, whatever the schema.
 */
export function readCalendarDay(
  mapping: Mapping,
  key: string,
  required: boolean,
): string | undefined {
  const node = mapping.value(key);
  if (isScalar(node) && node.value instanceof Date) {
    const written = node.source ?? '';
    if (isCalendarDay(written)) {
      return written;
    }
    mapping.report(key, `must be a day written YYYY-MM-DD, got "${written}"`);
    return undefined;
  }
  if (mapping.has(key) && !(isScalar(node) && typeof node.value === 'string')) {
    mapping.report(
      key,
      `must be a day written YYYY-MM-DD, got ${describeNode(node)}`,
    );
    return undefined;
  }
  const day = mapping.string(key, required);
  if (day === undefined || isCalendarDay(day)) {
    return day;
  }
  mapping.report(
    key,
    `"${day}" is not a day on the calendar written YYYY-MM-DD, such as 2027-03-31`,
  );
  return undefined;
}
