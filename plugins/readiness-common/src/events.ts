/*
 * What Readiness publishes on Backstage's events service, for other plugins
 * (chat, webhooks) to react to. See docs/notifications.md.
 */
import type { CampaignProgress } from './campaigns';
import type { ChangeCause } from './history';

/** Topic of {@link LevelChangedEvent}. @public */
export const LEVEL_CHANGED_TOPIC = 'readiness.level-changed';

/**
 * Topic of a {@link CampaignMilestoneEvent}: `readiness.campaign.started`,
 * `.reminder`, `.due` or `.completed`.
 *
 * @public
 */
export type CampaignMilestoneTopic = `readiness.campaign.${
  | 'started'
  | 'reminder'
  | 'due'
  | 'completed'}`;

/**
 * An entity's level on a scorecard changed (after its first evaluation).
 * Published once the change is stored.
 *
 * @public
 */
export interface LevelChangedEvent {
  entityRef: string;
  /** Scorecard id. */
  scorecard: string;
  levelBefore: string | null;
  levelAfter: string | null;
  scoreBefore: number | null;
  scoreAfter: number;
  cause: ChangeCause;
  /** ISO time. */
  changedAt: string;
  note?: string;
}

/**
 * A campaign reached a milestone; published once across replicas.
 *
 * @public
 */
export interface CampaignMilestoneEvent {
  /** Campaign id. */
  campaign: string;
  title: string;
  /** Scorecard id. */
  scorecard: string;
  /** YYYY-MM-DD. */
  dueAt: string;
  /** `started`, `reminder-<days>d`, `due` or `completed`. */
  milestone: string;
  /** ISO time. */
  reachedAt: string;
  progress: CampaignProgress;
}
