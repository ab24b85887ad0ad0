import type { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { campaignPhase } from '@readiness/plugin-readiness-common';
import type { Knex } from 'knex';
import type {
  CampaignMilestone,
  CampaignMilestoneListener,
  CampaignOwnerStanding,
} from '../campaigns/campaignListeners';
import type { NotificationOutbox, OutboxItem } from '../store';
import { campaignLink } from './notificationLinks';
import { counted, dedupeKey, listed } from './notificationText';

/** Open entities, checks and owners named in one line. */
const MAX_NAMED = 5;

/**
 * Tells owners of a campaign's milestones, in the transaction that records
 * the milestone (inserted once across replicas), topic
 * `readiness-campaign`: its start to each owner with targeted entities, a
 * reminder to each owner with open ones, and its deadline and completion,
 * with the result, to the group that runs it.
 */
export class CampaignNotifier implements CampaignMilestoneListener {
  constructor(private readonly outbox: Pick<NotificationOutbox, 'enqueue'>) {}

  async inTransaction(
    tx: Knex.Transaction,
    milestone: CampaignMilestone,
  ): Promise<void> {
    const items = campaignItems(milestone);
    if (items.length > 0) {
      await this.outbox.enqueue(items, tx);
    }
  }
}

/** The outbox lines of a milestone, one per recipient. */
export function campaignItems(milestone: CampaignMilestone): OutboxItem[] {
  const { campaign, progress } = milestone;
  const owned = (
    standing: CampaignOwnerStanding,
  ): standing is CampaignOwnerStanding & { owner: string } =>
    standing.owner !== null;
  switch (milestone.kind) {
    case 'started':
      return milestone.owners
        .filter(owned)
        .filter(s => s.targeted > 0)
        .map(s =>
          item(
            milestone,
            s.owner,
            `started: ${counted(
              s.targeted,
              'of your entities is',
              'of your entities are',
            )} targeted; due ${campaign.dueAt}`,
            'normal',
          ),
        );
    case 'reminder':
      return milestone.owners
        .filter(owned)
        .filter(s => s.open > 0)
        .map(s =>
          item(milestone, s.owner, reminderText(milestone, s), 'normal'),
        );
    case 'due': {
      if (!campaign.owner) {
        return [];
      }
      const open = milestone.owners
        .filter(s => s.open > 0)
        .sort((a, b) => b.open - a.open)
        .map(s => `${s.owner ?? 'no owner'} (${s.open})`);
      const owners = open.length
        ? `; owners still open: ${listed(open, MAX_NAMED)}`
        : '';
      return [
        item(
          milestone,
          campaign.owner,
          `deadline passed: ${metText(progress)}${owners}`,
          'high',
        ),
      ];
    }
    case 'completed':
      return campaign.owner
        ? [
            item(
              milestone,
              campaign.owner,
              `completed: ${metText(progress)}`,
              'normal',
            ),
          ]
        : [];
    default:
      return [];
  }
}

function reminderText(
  milestone: CampaignMilestone,
  standing: CampaignOwnerStanding,
): string {
  // Counted from the day it is reached, not the reminder's name: a
  // campaign added 10 days before its deadline is reminded of at once, as
  // `reminder-14d`.
  const { daysLeft } = campaignPhase(milestone.campaign, milestone.reachedAt);
  const when = `due ${milestone.campaign.dueAt} (${
    daysLeft > 0 ? `in ${counted(daysLeft, 'day', 'days')}` : 'today'
  })`;
  const entities = listed(standing.openEntities, MAX_NAMED, standing.open);
  const checks = standing.openChecks.length
    ? `; to fix: ${listed(standing.openChecks, MAX_NAMED)}`
    : '';
  return `${standing.open} of ${standing.targeted} entities still open, ${when}: ${entities}${checks}`;
}

function metText(progress: CampaignMilestone['progress']): string {
  const share =
    progress.share === null ? '' : ` (${Math.round(progress.share * 100)}%)`;
  return `${progress.met} of ${progress.targeted} entities met the goal${share}`;
}

function item(
  milestone: CampaignMilestone,
  recipient: string,
  summary: string,
  severity: NotificationSeverity,
): OutboxItem {
  const { campaign } = milestone;
  return {
    recipient,
    topic: 'readiness-campaign',
    dedupeKey: dedupeKey('campaign', [
      campaign.id,
      milestone.milestone,
      recipient,
    ]),
    entityRef: null,
    line: {
      about: campaign.id,
      aboutTitle: campaign.title,
      scorecard: campaign.scorecard,
      summary,
      link: campaignLink(campaign.id),
      severity,
    },
    createdAt: milestone.reachedAt,
  };
}
