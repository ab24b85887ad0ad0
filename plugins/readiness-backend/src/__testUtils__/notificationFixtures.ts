import { EventParams, EventsService } from '@backstage/plugin-events-node';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import {
  CheckStatus,
  ReadinessChange,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import {
  CampaignMilestone,
  RecordedChange,
} from '../campaigns/campaignListeners';
import { OutboxItem } from '../store';
import { result } from './storeFixtures';

export const TEAM_A = 'group:default/team-a';
export const TEAM_B = 'group:default/team-b';

/** A regression line for an entity, to a team, at a time. */
export function outboxItem(
  given: {
    recipient?: string;
    entity?: string;
    at?: string;
    summary?: string;
  } = {},
): OutboxItem {
  const entity = given.entity ?? 'component:default/checkout';
  const at = given.at ?? '2027-01-10T08:00:00.000Z';
  return {
    recipient: given.recipient ?? TEAM_A,
    topic: 'readiness-regression',
    dedupeKey: `test:${given.recipient ?? TEAM_A}:${entity}:${at}`,
    entityRef: entity,
    line: {
      about: entity,
      aboutTitle: entity,
      scorecard: 'production-readiness',
      summary: given.summary ?? 'Silver → Bronze',
      link: `/catalog/default/component/${entity.split('/')[1]}/readiness`,
      severity: 'high',
    },
    createdAt: new Date(at),
  };
}

/** A notification service that keeps what it is asked to send. */
export function recordingNotifications(
  send: (options: NotificationSendOptions) => Promise<void> = async () => {},
): NotificationService & { sent: NotificationSendOptions[] } {
  const sent: NotificationSendOptions[] = [];
  return {
    sent,
    async send(options) {
      await send(options);
      sent.push(options);
    },
  };
}

/** An events service that keeps what is published. */
export function recordingEvents(
  publish: (params: EventParams) => Promise<void> = async () => {},
): EventsService & { published: EventParams[] } {
  const published: EventParams[] = [];
  return {
    published,
    async publish(params) {
      await publish(params);
      published.push(params);
    },
    async subscribe() {},
  };
}

const CHECK_DETAILS: Record<
  string,
  Partial<ScorecardResult['checks'][number]>
> = {
  traced: { title: 'Requests are traced', severity: 'high' },
  docs: { title: 'Docs are published', severity: 'low' },
  canary: {
    title: 'Deploys go through a canary',
    severity: 'critical',
    advisory: { enforcedFrom: '2027-03-01' },
  },
};

/**
 * A recorded change of checkout on a scorecard with levels bronze, silver
 * and gold and three checks: `traced` (severity high), `docs` (low) and
 * `canary` (critical, advisory).
 */
export function recordedChange(
  change: Partial<ReadinessChange> & {
    statuses?: Record<string, CheckStatus>;
  } = {},
  owner: string | null = TEAM_A,
): RecordedChange {
  const { statuses = {}, ...given } = change;
  const evaluated = result('production-readiness', 50, {
    traced: 'pass',
    docs: 'pass',
    canary: 'pass',
    ...statuses,
  });
  const checks = evaluated.checks.map(check => ({
    ...check,
    ...CHECK_DETAILS[check.id],
  }));
  const scored: ScorecardResult = {
    ...evaluated,
    scorecard: {
      ...evaluated.scorecard,
      title: 'Production readiness',
      levels: [
        { id: 'bronze', title: 'Bronze' },
        { id: 'silver', title: 'Silver' },
        { id: 'gold', title: 'Gold' },
      ],
    },
    checks,
  };
  return {
    entityRef: 'component:default/checkout',
    owner,
    result: scored,
    change: {
      scorecard: 'production-readiness',
      changedAt: '2027-01-10T08:00:00.000Z',
      cause: 'facts',
      levelBefore: 'silver',
      levelAfter: 'silver',
      scoreBefore: 60,
      scoreAfter: 50,
      checks: [],
      ...given,
    },
  };
}

/**
 * A milestone of the campaign `tracing-2027` (owner group:default/platform,
 * due 2027-03-31): 3 of 5 entities meet the goal; team-a has 3 targeted,
 * 2 open; team-b 1, met; one entity has no owner and meets the goal.
 */
export function campaignMilestone(
  given: Pick<CampaignMilestone, 'kind'> & Partial<CampaignMilestone>,
): CampaignMilestone {
  return {
    campaign: {
      id: 'tracing-2027',
      title: 'Trace every request',
      owner: 'group:default/platform',
      scorecard: 'production-readiness',
      goal: { checks: ['traced'] },
      startsAt: '2027-03-01',
      dueAt: '2027-03-31',
      reminderDays: [14, 7, 1],
    },
    milestone: given.kind,
    reachedAt: new Date('2027-03-17T06:00:00.000Z'),
    progress: { targeted: 5, met: 3, share: 0.6 },
    owners: [
      {
        owner: TEAM_A,
        targeted: 3,
        open: 2,
        openEntities: [
          'component:default/checkout',
          'component:default/search',
        ],
        openChecks: ['traced'],
      },
      {
        owner: TEAM_B,
        targeted: 1,
        open: 0,
        openEntities: [],
        openChecks: [],
      },
      { owner: null, targeted: 1, open: 0, openEntities: [], openChecks: [] },
    ],
    ...given,
  };
}
