import type { AppliedExemption } from '../ownerInput';
import { CheckDefinition } from '../types';
import { CheckWaiver } from '../results';
import { endOfUtcDay } from '../calendarDays';
import { truncate } from './resultLimits';

/** The approved exemptions of one evaluation, by the check ids they list. */
export type ExemptionsByCheck = ReadonlyMap<
  string,
  readonly AppliedExemption[]
>;

export function exemptionsByCheck(
  exemptions: readonly AppliedExemption[],
): ExemptionsByCheck {
  const byCheck = new Map<string, AppliedExemption[]>();
  for (const exemption of exemptions) {
    for (const check of new Set(exemption.checks)) {
      let list = byCheck.get(check);
      if (list === undefined) {
        list = [];
        byCheck.set(check, list);
      }
      list.push(exemption);
    }
  }
  return byCheck;
}

/** What the exemptions of one check do to it. */
export type ExemptionVerdict =
  | { waived: { reason: string; waiver: CheckWaiver } }
  /** Not waived; `note`, if any, goes among the check's reasons. */
  | { waived?: undefined; note?: string };

const NONE: ExemptionVerdict = Object.freeze({});

function waivedBy(exemption: AppliedExemption): ExemptionVerdict {
  const { id, reason, expiresAt, requestedBy, approvedBy, link } = exemption;
  return {
    waived: {
      reason: truncate(
        `exempted until ${expiresAt} (requested by ${requestedBy}, approved by ${approvedBy}): ${reason}`,
      ),
      waiver: {
        source: 'exemption',
        exemptionId: id,
        // Bounded like reasons: every stored result of the entity holds it.
        reason: truncate(reason),
        expiresAt,
        requestedBy,
        approvedBy,
        ...(link !== undefined && { link }),
      },
    },
  };
}

/**
 * Whether an approved exemption waives `check` at `now`: the one that ends
 * last, among those that still apply (through the whole UTC day of their end
 * date). Otherwise the note says why none does: the check is not exemptible,
 * or the exemption that ended last expired (an end date that is not a date
 * never applies).
 */
export function applyExemptions(
  check: CheckDefinition,
  exemptions: ExemptionsByCheck,
  now: number,
): ExemptionVerdict {
  const listed = exemptions.get(check.id);
  if (listed === undefined) {
    return NONE;
  }
  if (check.exemptible === false) {
    return {
      note: `exemption ${listed[0].id} does not apply: the scorecard does not allow exemptions from this check`,
    };
  }
  let active: AppliedExemption | undefined;
  let expired: AppliedExemption | undefined;
  let invalid: AppliedExemption | undefined;
  for (const exemption of listed) {
    const end = endOfUtcDay(exemption.expiresAt);
    if (end === undefined) {
      invalid ??= exemption;
    } else if (now <= end) {
      if (active === undefined || exemption.expiresAt > active.expiresAt) {
        active = exemption;
      }
    } else if (
      expired === undefined ||
      exemption.expiresAt > expired.expiresAt
    ) {
      expired = exemption;
    }
  }
  if (active !== undefined) {
    return waivedBy(active);
  }
  if (expired !== undefined) {
    return {
      note: `exemption ${expired.id} expired on ${expired.expiresAt}: ${expired.reason}`,
    };
  }
  return {
    note: `exemption ${invalid!.id} does not apply: its end date "${
      invalid!.expiresAt
    }" is not a date`,
  };
}
