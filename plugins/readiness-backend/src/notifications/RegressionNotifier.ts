import type {
  ChangeCause,
  CheckResult,
  Severity,
} from '@readiness/plugin-readiness-common';
import type { Knex } from 'knex';
import type {
  RecordedChange,
  ResultChangeListener,
} from '../campaigns/campaignListeners';
import type { NotificationOutbox, OutboxItem } from '../store';
import { entityReadinessLink } from './notificationLinks';
import { dedupeKey, listed } from './notificationText';

/**
 * Causes that are not the entity's doing: its first evaluation, and a
 * scorecard change (which the scorecard's owners announce themselves).
 */
const IGNORED_CAUSES: ReadonlySet<ChangeCause> = new Set([
  'first-evaluation',
  'scorecard',
]);

/** A check of these severities starting to fail is a regression. */
const ALERTING: ReadonlySet<Severity | undefined> = new Set([
  'high',
  'critical',
]);

/** Failing checks named in a summary. */
const MAX_CHECKS_NAMED = 3;

/**
 * What regressed in a recorded change, in one line ("Silver → Bronze;
 * failing: Requests are traced"), or `undefined` when nothing did: the
 * level dropped, or a counted check of severity high or critical started
 * failing. Advisory checks never count.
 */
export function describeRegression(
  recorded: RecordedChange,
): string | undefined {
  const { change, result } = recorded;
  if (IGNORED_CAUSES.has(change.cause)) {
    return undefined;
  }
  const levels = result.scorecard.levels;
  const rank = (level: string | null) =>
    level === null ? -1 : levels.findIndex(l => l.id === level);
  const title = (level: string | null) =>
    level === null
      ? 'no level'
      : levels.find(l => l.id === level)?.title ?? level;
  const dropped = rank(change.levelAfter) < rank(change.levelBefore);

  const checks = new Map(result.checks.map(c => [c.id, c]));
  const newlyFailing = change.checks
    .filter(c => c.after === 'fail' && c.before !== 'fail')
    .map(c => checks.get(c.check))
    .filter((c): c is CheckResult => c !== undefined && !c.advisory);
  if (!dropped && !newlyFailing.some(c => ALERTING.has(c.severity))) {
    return undefined;
  }
  const parts: string[] = [];
  if (dropped) {
    parts.push(`${title(change.levelBefore)} → ${title(change.levelAfter)}`);
  }
  if (newlyFailing.length > 0) {
    parts.push(
      `failing: ${listed(
        newlyFailing.map(c => c.title),
        MAX_CHECKS_NAMED,
      )}`,
    );
  }
  return parts.join('; ');
}

/**
 * Tells an entity's owner when it regresses: in the transaction that
 * records the change, an outbox line for the owner's next digest (topic
 * `readiness-regression`), so that the line commits or rolls back with the
 * change. Entities without an owner are nobody's to tell.
 */
export class RegressionNotifier implements ResultChangeListener {
  constructor(private readonly outbox: Pick<NotificationOutbox, 'enqueue'>) {}

  async inTransaction(
    tx: Knex.Transaction,
    changes: RecordedChange[],
  ): Promise<void> {
    const items = changes.flatMap(recorded => {
      const item = regressionItem(recorded);
      return item ? [item] : [];
    });
    if (items.length > 0) {
      await this.outbox.enqueue(items, tx);
    }
  }
}

function regressionItem(recorded: RecordedChange): OutboxItem | undefined {
  const { entityRef, owner, change, result } = recorded;
  const summary = owner ? describeRegression(recorded) : undefined;
  if (!owner || !summary) {
    return undefined;
  }
  return {
    recipient: owner,
    topic: 'readiness-regression',
    dedupeKey: dedupeKey('regression', [
      entityRef,
      change.scorecard,
      change.changedAt,
    ]),
    entityRef,
    line: {
      about: entityRef,
      aboutTitle: entityRef,
      scorecard: change.scorecard,
      summary: `${result.scorecard.title}: ${summary}`,
      link: entityReadinessLink(entityRef),
      severity: 'high',
    },
    createdAt: new Date(change.changedAt),
  };
}
