import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { ScorecardRegistry } from '../scorecards/ScorecardRegistry';
import { CatalogChangeScan } from './CatalogChangeScan';
import { CatalogEvaluationRun } from './CatalogEvaluationRun';
import { readDurationMs } from '@readiness/plugin-readiness-node';

/** How often scorecard files are read again, unless config says. */
const DEFAULT_FREQUENCY: HumanDuration = { minutes: 1 };
const TIMEOUT: HumanDuration = { minutes: 1 };

/** What the reload job reads again and what it restarts on a change. */
export interface ScorecardReloadOptions {
  registry: ScorecardRegistry;
  changeScan: CatalogChangeScan;
  logger: LoggerService;
  frequencyMs: number;
}

/**
 * Reads the scorecards again, and when they changed re-evaluates the whole
 * catalog at once: a changed scorecard may change every entity's result, and
 * may now apply to entities the change scan had set aside as unscored.
 */
export class ScorecardReload {
  static readonly TASK_ID = 'readiness-reload-scorecards';

  private readonly options: ScorecardReloadOptions;

  /** Reads `readiness.scorecardReload`: every minute by default. */
  static fromConfig(
    config: Config,
    deps: Omit<ScorecardReloadOptions, 'frequencyMs'>,
  ): ScorecardReload {
    return new ScorecardReload({
      ...deps,
      frequencyMs: readDurationMs(config, 'readiness.scorecardReload', {
        allowZero: true,
        default: DEFAULT_FREQUENCY,
      }),
    });
  }

  constructor(options: ScorecardReloadOptions) {
    this.options = options;
  }

  /**
   * Every replica keeps its own scorecards in memory, so the task is local:
   * each replica reloads its own.
   */
  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: ScorecardReload.TASK_ID,
      scope: 'local',
      frequency: { milliseconds: this.options.frequencyMs },
      timeout: TIMEOUT,
      fn: async () => {
        await this.run(scheduler);
      },
    });
  }

  /** Reloads; on a change, starts a catalog run now. */
  async run(scheduler: Pick<SchedulerService, 'triggerTask'>): Promise<void> {
    const { registry, changeScan, logger } = this.options;
    if (!registry.reload()) {
      return;
    }
    logger.info('Scorecards changed; re-evaluating the catalog');
    changeScan.forgetUnscored();
    await scheduler.triggerTask(CatalogEvaluationRun.TASK_ID).catch(error => {
      logger.warn(`Could not start a catalog run now: ${error}`);
    });
  }
}
