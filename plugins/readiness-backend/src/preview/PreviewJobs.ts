import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  NotFoundError,
  ServiceUnavailableError,
  toError,
} from '@backstage/errors';
import { ScorecardDefinition } from '@readiness/plugin-readiness-common';
import { randomUUID } from 'node:crypto';
import { PreviewJob, PreviewJobStore } from './PreviewJobStore';
import { ScorecardPreview } from './ScorecardPreview';

/** A job as the API answers it: without who started it. */
export type PreviewJobView = Omit<PreviewJob, 'owner'>;

export interface PreviewJobBudgets {
  /** How long one preview may run before it fails. */
  timeBudgetMs: number;
  /** Previews running at once on one replica. */
  maxConcurrentJobs: number;
  /** How long a finished job is kept for its starter to read. */
  retentionMs: number;
}

/** Progress is written at most this often. */
const PROGRESS_INTERVAL_MS = 1000;
/** A job still running this long after its time budget was abandoned. */
const ABANDONED_AFTER_BUDGET_MS = 60_000;
const ABANDONED =
  'The backend replica running the preview stopped before it finished';

/** Keeps a job's latest count, and writes it at most once a second. */
class ProgressWriter {
  evaluated = 0;
  private written = Date.now();

  constructor(
    private readonly id: string,
    private readonly store: PreviewJobStore,
    private readonly logger: LoggerService,
  ) {}

  update(evaluated: number) {
    this.evaluated = evaluated;
    if (Date.now() - this.written >= PROGRESS_INTERVAL_MS) {
      this.written = Date.now();
      this.store
        .progress(this.id, evaluated)
        .catch(e =>
          this.logger.warn(`Preview ${this.id} progress not saved: ${e}`),
        );
    }
  }
}

/** Who a job belongs to: the user, or the service with a static token. */
function ownerOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  // A user entity ref starts with `user:`, so the two never meet.
  return principal.type === 'user'
    ? String(principal.userEntityRef)
    : `service:${principal.subject}`;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/**
 * Scorecard previews as background jobs: a request validates the draft and
 * starts a job; the evaluation runs off the request path within a time
 * budget, one job per user at a time and a few per replica; its starter
 * polls for the result, on any replica.
 */
export class PreviewJobs {
  private running = 0;

  constructor(
    private readonly options: {
      preview: ScorecardPreview;
      store: PreviewJobStore;
      budgets: PreviewJobBudgets;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  /**
   * Validates the draft and starts evaluating it; throws when it is invalid
   * (InputError), not allowed (NotAllowedError), the caller has a preview
   * running (ConflictError) or this replica runs as many as it may
   * (ServiceUnavailableError).
   */
  async start(
    document: string,
    credentials: BackstageCredentials,
  ): Promise<PreviewJobView> {
    const { preview, store, budgets } = this.options;
    const scorecard = await preview.prepare(document, credentials);
    const owner = ownerOf(credentials);
    const startedAt = this.now();
    await this.cleanUp(startedAt);
    if (this.running >= budgets.maxConcurrentJobs) {
      throw new ServiceUnavailableError(
        `This backend is running ${this.running} previews, its limit (readiness.preview.maxConcurrentJobs); try again shortly`,
      );
    }
    // Held from here, before any wait, so that concurrent starts count it.
    this.running += 1;
    const id = randomUUID();
    try {
      await store.start({ id, owner, scorecard: scorecard.id, startedAt });
    } catch (error) {
      this.running -= 1;
      throw error;
    }
    this.evaluate(id, scorecard, credentials).finally(() => {
      this.running -= 1;
    });
    return {
      id,
      scorecard: scorecard.id,
      status: 'running',
      evaluated: 0,
      startedAt: startedAt.toISOString(),
    };
  }

  /** The caller's job; others' jobs are not found. */
  async get(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<PreviewJobView> {
    const job = await this.options.store.get(id);
    if (!job || job.owner !== ownerOf(credentials)) {
      throw new NotFoundError(`No preview ${id}`);
    }
    const { owner: _owner, ...view } = job;
    if (view.status === 'running' && this.abandoned(view.startedAt)) {
      return { ...view, status: 'failed', reason: ABANDONED };
    }
    return view;
  }

  /**
   * Runs the job to its end within the time budget, even if a catalog or
   * database call hangs, and records how it ended; never rejects.
   */
  private async evaluate(
    id: string,
    scorecard: ScorecardDefinition,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const { preview, store, budgets, logger } = this.options;
    const signal = AbortSignal.timeout(budgets.timeBudgetMs);
    const progress = new ProgressWriter(id, store, logger);
    try {
      const result = await Promise.race([
        preview.run(scorecard, credentials, {
          signal,
          onProgress: evaluated => progress.update(evaluated),
        }),
        new Promise<never>((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason), {
            once: true,
          }),
        ),
      ]);
      await store.finish(id, result, this.now());
    } catch (error) {
      const { evaluated } = progress;
      const reason = signal.aborted
        ? `The preview ran out of its time budget of ${seconds(
            budgets.timeBudgetMs,
          )} (readiness.preview.timeBudget) after evaluating ${evaluated} entities`
        : `The preview failed after evaluating ${evaluated} entities; the backend log has the details under preview ${id}`;
      // The details may name internal addresses; only the log has them.
      logger.warn(`Preview ${id} failed: ${reason}`, toError(error));
      await store
        .fail(id, reason, this.now(), evaluated)
        .catch(e => logger.error(`Preview ${id} could not be recorded: ${e}`));
    }
  }

  /**
   * Deletes finished jobs past the retention, and fails those whose replica
   * stopped while they ran, which would otherwise block their owners.
   */
  private async cleanUp(now: Date) {
    const { store, budgets } = this.options;
    await store.deleteFinishedBefore(
      new Date(now.getTime() - budgets.retentionMs),
    );
    await store.failAbandoned(this.abandonedBefore(now), ABANDONED, now);
  }

  /** Jobs started before this time and still running were abandoned. */
  private abandonedBefore(now: Date): Date {
    return new Date(
      now.getTime() -
        this.options.budgets.timeBudgetMs -
        ABANDONED_AFTER_BUDGET_MS,
    );
  }

  private abandoned(startedAt: string): boolean {
    return Date.parse(startedAt) < this.abandonedBefore(this.now()).getTime();
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
