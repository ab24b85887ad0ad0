import type { Entity } from '@backstage/catalog-model';
import { filterPredicateToFilterFunction } from '@backstage/filter-predicates';
import { WaiverDefinition } from '../types';
import { CheckWaiver } from '../results';
import { endOfUtcDay } from '../calendarDays';
import { truncate } from './resultLimits';

// A time must carry its offset: without one, Date.parse reads local time and
// the same scorecard would expire at different instants on different hosts.
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export interface CompiledWaiver {
  matches: (entity: Entity) => boolean;
  /** The last millisecond the waiver applies; Infinity when it never ends. */
  lastApplies: number;
  /** The reason of a check it waives. */
  waived: string;
  /** The `waiver` of a check it waives; copy it, it is shared. */
  waiver: CheckWaiver;
  /** Added to the reason of a check it would have waived. */
  expired: string;
}

/** The last millisecond of a date (the whole UTC day) or the time itself. */
function lastMillisecond(waiver: WaiverDefinition): number {
  const { expires } = waiver;
  if (expires === undefined) {
    return Infinity;
  }
  const endOfDay = endOfUtcDay(expires);
  if (endOfDay !== undefined) {
    return endOfDay;
  }
  const time = Date.parse(expires);
  if (DATE_TIME.test(expires) && !Number.isNaN(time)) {
    return time;
  }
  throw new Error(
    `Waiver of check ${waiver.check} has an invalid expiry "${expires}"; use a date or a time with an offset`,
  );
}

export function compileWaiver(waiver: WaiverDefinition): CompiledWaiver {
  const until =
    waiver.expires === undefined ? '' : ` (until ${waiver.expires})`;
  return {
    matches: filterPredicateToFilterFunction<Entity>(waiver.entities),
    lastApplies: lastMillisecond(waiver),
    waived: truncate(`waived by the scorecard: ${waiver.reason}${until}`),
    waiver: {
      source: 'scorecard',
      reason: waiver.reason,
      ...(waiver.expires !== undefined && { expires: waiver.expires }),
    },
    expired: `waiver expired on ${waiver.expires}: ${waiver.reason}`,
  };
}
