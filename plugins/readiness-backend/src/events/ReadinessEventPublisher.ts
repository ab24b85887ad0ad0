import { LoggerService } from '@backstage/backend-plugin-api';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import {
  CampaignMilestoneEvent,
  CampaignMilestoneTopic,
  LEVEL_CHANGED_TOPIC,
  LevelChangedEvent,
} from '@readiness/plugin-readiness-common';
import type {
  CampaignMilestone,
  CampaignMilestoneListener,
  RecordedChange,
  ResultChangeListener,
} from '../campaigns/campaignListeners';
import { mapWithConcurrency } from '../lib/mapWithConcurrency';

/** How many events wait and how many are published at once. */
export interface EventPublisherLimits {
  /** Publishes in flight at once. */
  maxInFlight: number;
  /** Events accepted and not yet published; beyond, new ones are dropped. */
  maxWaiting: number;
}

const DEFAULT_LIMITS: EventPublisherLimits = {
  maxInFlight: 8,
  maxWaiting: 10_000,
};

/**
 * Publishes level changes and campaign milestones on Backstage's events
 * service once they are stored, for other plugins (chat, webhooks) to
 * react to. A first evaluation is not a change of level.
 *
 * Evaluation never waits for the events backend: the listeners queue the
 * events and return, and a background drain publishes them a few at a
 * time. A slow backend makes the queue grow up to `maxWaiting` events;
 * beyond, events are dropped with a warning, so memory stays bounded. A
 * failure to publish is logged; the change stays stored.
 */
export class ReadinessEventPublisher {
  private readonly limits: EventPublisherLimits;
  private queued: EventParams[] = [];
  /** Queued or in flight. */
  private waiting = 0;
  private draining = false;
  private drained: Promise<void> = Promise.resolve();
  private failed = 0;
  private firstError: unknown;

  constructor(
    private readonly events: EventsService,
    private readonly logger: LoggerService,
    limits: Partial<EventPublisherLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** `readiness.level-changed`, for each recorded change of level. */
  readonly levelChanges: ResultChangeListener = {
    afterCommit: async changes => {
      this.enqueue(changes.filter(isLevelChange).map(levelChangedEvent));
    },
  };

  /** `readiness.campaign.<kind>`, for each milestone reached. */
  readonly milestones: CampaignMilestoneListener = {
    afterCommit: async milestone => {
      this.enqueue([campaignMilestoneEvent(milestone)]);
    },
  };

  /** Resolves once every event queued so far is published (or failed). */
  idle(): Promise<void> {
    return this.drained;
  }

  private enqueue(events: EventParams[]): void {
    const room = Math.max(0, this.limits.maxWaiting - this.waiting);
    const accepted = events.slice(0, room);
    const dropped = events.length - accepted.length;
    this.queued = this.queued.concat(accepted);
    this.waiting += accepted.length;
    if (dropped > 0) {
      this.logger.warn(
        `Dropped ${dropped} Readiness event(s): ${this.waiting} are still waiting to be published (at most ${this.limits.maxWaiting}); is the events backend slow?`,
      );
    }
    if (!this.draining && this.queued.length > 0) {
      this.draining = true;
      this.drained = this.drain();
    }
  }

  /** Publishes until the queue is empty; events queued meanwhile join in. */
  private async drain(): Promise<void> {
    while (this.queued.length > 0) {
      const batch = this.queued;
      this.queued = [];
      await mapWithConcurrency(batch, this.limits.maxInFlight, event =>
        this.publish(event),
      );
    }
    // No await between the last look at the queue and this: an event
    // queued from now on starts a new drain.
    this.draining = false;
    if (this.failed > 0) {
      this.logger.warn(
        `Could not publish ${this.failed} Readiness event(s): ${this.firstError}`,
      );
      this.failed = 0;
      this.firstError = undefined;
    }
  }

  private async publish(event: EventParams): Promise<void> {
    try {
      await this.events.publish(event);
    } catch (error) {
      this.failed += 1;
      this.firstError ??= error;
    } finally {
      this.waiting -= 1;
    }
  }
}

function isLevelChange({ change }: RecordedChange): boolean {
  return (
    change.cause !== 'first-evaluation' &&
    change.levelBefore !== change.levelAfter
  );
}

function levelChangedEvent({
  entityRef,
  change,
}: RecordedChange): EventParams<LevelChangedEvent> {
  return {
    topic: LEVEL_CHANGED_TOPIC,
    eventPayload: {
      entityRef,
      scorecard: change.scorecard,
      levelBefore: change.levelBefore,
      levelAfter: change.levelAfter,
      scoreBefore: change.scoreBefore,
      scoreAfter: change.scoreAfter,
      cause: change.cause,
      changedAt: change.changedAt,
      ...(change.note ? { note: change.note } : {}),
    },
  };
}

function campaignMilestoneEvent(
  milestone: CampaignMilestone,
): EventParams<CampaignMilestoneEvent> {
  const { campaign } = milestone;
  const topic: CampaignMilestoneTopic = `readiness.campaign.${milestone.kind}`;
  return {
    topic,
    eventPayload: {
      campaign: campaign.id,
      title: campaign.title,
      scorecard: campaign.scorecard,
      dueAt: campaign.dueAt,
      milestone: milestone.milestone,
      reachedAt: milestone.reachedAt.toISOString(),
      progress: milestone.progress,
    },
  };
}
