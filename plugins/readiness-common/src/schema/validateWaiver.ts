import { WaiverDefinition } from '../types';
import { Context } from './context';
import { hint } from './didYouMean';
import { Mapping } from './mapping';
import { validatePredicate } from './validatePredicate';

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Whether `text` is an ISO 8601 date (`2027-03-31`) or a date and time with
 * a zone (`2027-03-31T18:00:00Z`) that exists on the calendar: `Date.parse`
 * alone accepts `2027-02-30` and many non-ISO forms.
 */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) {
    return false;
  }
  const [year, month, day, hours, minutes, seconds] = match
    .slice(1, 7)
    .map(part => Number(part ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hours < 24 &&
    minutes < 60 &&
    seconds < 60
  );
}

/** Validates one waiver; `checkIds` are the checks the scorecard defines. */
export function validateWaiver(
  ctx: Context,
  mapping: Mapping,
  checkIds: readonly string[],
): WaiverDefinition | undefined {
  mapping.allowOnly(['check', 'entities', 'reason', 'expires']);
  const check = mapping.string('check', true);
  if (check !== undefined && !checkIds.includes(check)) {
    mapping.report(
      'check',
      `unknown check "${check}"${hint(check, checkIds, 'checks')}`,
    );
  }
  const entities = validatePredicate(ctx, mapping, 'entities', true);
  const reason = mapping.string('reason', true);
  const expires = mapping.string('expires', false);
  if (expires !== undefined && !isIsoDate(expires)) {
    mapping.report(
      'expires',
      `"${expires}" is not an ISO 8601 date; use e.g. 2027-03-31 or 2027-03-31T18:00:00Z`,
    );
  }
  if (check === undefined || entities === undefined || reason === undefined) {
    return undefined;
  }
  return {
    check,
    entities,
    reason,
    ...(expires !== undefined && { expires }),
  };
}
