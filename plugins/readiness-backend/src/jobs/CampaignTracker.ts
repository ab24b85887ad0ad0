import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  addDays,
  CampaignDefinition,
  dayOf,
} from '@readiness/plugin-readiness-common';
import {
  CampaignMilestone,
  CampaignMilestoneKind,
  CampaignMilestoneListener,
  CampaignOwnerStanding,
} from '../campaigns/campaignListeners';
import { progressOf } from '../campaigns/campaignProgress';
import {
  CampaignCounts,
  CampaignQueries,
} from '../store/campaigns/CampaignQueries';
import { readSchedule } from './readSchedule';

/** Every fifteen minutes, unless `readiness.campaignTracker` says. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 15 },
  timeout: { minutes: 10 },
  initialDelay: { minutes: 1 },
};

/** What the tracker reads and records. */
export interface CampaignTrackerOptions {
  /** The campaigns in force. */
  campaigns: () => readonly CampaignDefinition[];
  queries: CampaignQueries;
  logger: LoggerService;
  schedule?: SchedulerServiceTaskScheduleDefinition;
  /** The clock; tests set it. */
  now?: () => Date;
}

/** A milestone due today; `silent` ones are recorded without telling anyone. */
interface DueMilestone {
  kind: CampaignMilestoneKind;
  milestone: string;
  /** Why nobody is told. */
  silent?: string;
}

/**
 * The milestones a campaign has reached by `today` (YYYY-MM-DD), given its
 * counts now, in the order they are recorded. A tracker that starts late
 * (a campaign added after its start, replicas down for days) reaches the
 * ones it missed silently rather than sending stale reminders.
 */
export function dueMilestones(
  campaign: CampaignDefinition,
  today: string,
  counts: CampaignCounts,
): DueMilestone[] {
  const { startsAt, dueAt, reminderDays } = campaign;
  const ended = today > dueAt;
  // Before any entity's result names the campaign (a new campaign file is
  // applied as entities are evaluated again), there is nobody to tell yet.
  if (today < startsAt || (counts.targeted === 0 && !ended)) {
    return [];
  }
  const due: DueMilestone[] = [
    {
      kind: 'started',
      milestone: 'started',
      silent: ended ? `first tracked after its deadline ${dueAt}` : undefined,
    },
  ];
  if (!ended && counts.met < counts.targeted) {
    const reached = reminderDays
      .filter(days => today >= addDays(dueAt, -days))
      .sort((a, b) => b - a);
    const latest = reached[reached.length - 1];
    for (const days of reached) {
      due.push({
        kind: 'reminder',
        milestone: `reminder-${days}d`,
        silent:
          days === latest ? undefined : `superseded by reminder-${latest}d`,
      });
    }
  }
  if (!ended && counts.targeted > 0 && counts.met === counts.targeted) {
    due.push({ kind: 'completed', milestone: 'completed' });
  }
  if (ended) {
    due.push({ kind: 'due', milestone: 'due' });
  }
  return due;
}

/**
 * Follows the campaigns in force: records each day's burn-up point while a
 * campaign runs, and reaches its milestones (start, reminders, deadline,
 * completion). A milestone is a row that only one replica inserts; the
 * listeners are told of it in that transaction and after it commits, so
 * that what follows a milestone happens once.
 */
export class CampaignTracker {
  static readonly TASK_ID = 'readiness.campaignTracker';

  private readonly now: () => Date;
  private readonly listeners: CampaignMilestoneListener[] = [];

  static fromConfig(
    config: Config,
    options: Omit<CampaignTrackerOptions, 'schedule'>,
  ): CampaignTracker {
    return new CampaignTracker({
      ...options,
      schedule: readSchedule(
        config,
        'readiness.campaignTracker',
        DEFAULT_SCHEDULE,
      ),
    });
  }

  constructor(private readonly options: CampaignTrackerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Told of each milestone reached from now on. */
  addListener(listener: CampaignMilestoneListener): void {
    this.listeners.push(listener);
  }

  /** One replica at a time, as the scheduler's global tasks run. */
  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: CampaignTracker.TASK_ID,
      ...(this.options.schedule ?? DEFAULT_SCHEDULE),
      fn: async () => {
        await this.run();
      },
    });
  }

  /** Records today's points and milestones; returns the milestones told. */
  async run(): Promise<CampaignMilestone[]> {
    const { queries, logger } = this.options;
    const now = this.now();
    const today = dayOf(now);
    const started = this.options.campaigns().filter(c => c.startsAt <= today);
    if (started.length === 0) {
      return [];
    }
    const counts = await queries.progressOf(
      started.map(c => ({ campaignId: c.id, scorecardId: c.scorecard })),
      undefined,
    );
    const told: CampaignMilestone[] = [];
    for (const campaign of started) {
      // One campaign's failure leaves the others tracked; the next run
      // tries it again.
      try {
        const campaignCounts = counts.get(campaign.id) ?? {
          targeted: 0,
          met: 0,
          regressed: 0,
        };
        told.push(...(await this.track(campaign, campaignCounts, now)));
      } catch (error) {
        logger.error(`Could not track campaign ${campaign.id}: ${error}`);
      }
    }
    return told;
  }

  private async track(
    campaign: CampaignDefinition,
    counts: CampaignCounts,
    now: Date,
  ): Promise<CampaignMilestone[]> {
    const { queries } = this.options;
    const today = dayOf(now);
    if (today <= campaign.dueAt && counts.targeted > 0) {
      await queries.recordSnapshot(campaign.id, today, counts);
    }
    const reached = await queries.reachedMilestones(campaign.id);
    const due = dueMilestones(campaign, today, counts).filter(
      m => !reached.has(m.milestone),
    );
    if (due.length === 0) {
      return [];
    }
    const progress = progressOf(counts);
    let owners: CampaignOwnerStanding[] = [];
    if (due.some(m => !m.silent)) {
      owners = await queries.ownerStandings({
        campaignId: campaign.id,
        scorecardId: campaign.scorecard,
      });
    }
    const told: CampaignMilestone[] = [];
    for (const { kind, milestone: key, silent } of due) {
      const milestone: CampaignMilestone = {
        campaign,
        kind,
        milestone: key,
        reachedAt: now,
        progress,
        owners,
      };
      const inserted = await queries.reachMilestone(
        campaign.id,
        key,
        now,
        { progress, ...(silent ? { silent } : {}) },
        async tx => {
          if (!silent) {
            for (const listener of this.listeners) {
              await listener.inTransaction?.(tx, milestone);
            }
          }
        },
      );
      if (inserted && !silent) {
        told.push(milestone);
        await this.tellAfterCommit(milestone);
      }
    }
    return told;
  }

  /** Stored already: a listener's failure is logged, never undoes it. */
  private async tellAfterCommit(milestone: CampaignMilestone): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener.afterCommit?.(milestone);
      } catch (error) {
        this.options.logger.error(
          `A listener of campaign ${milestone.campaign.id} failed after ${milestone.milestone}: ${error}`,
        );
      }
    }
  }
}
