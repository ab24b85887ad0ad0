import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import type { PreviewResult } from './ScorecardPreview';

const TABLE = 'readiness_preview_jobs';

/** A preview job as stored: running, done with its result, or failed. */
export interface PreviewJob {
  id: string;
  /** Who started it: a user entity ref or a service subject. */
  owner: string;
  scorecard: string;
  status: 'running' | 'done' | 'failed';
  /** Entities evaluated so far. */
  evaluated: number;
  startedAt: string;
  finishedAt?: string;
  result?: PreviewResult;
  reason?: string;
}

interface JobRow {
  id: string;
  owner: string;
  running_owner: string | null;
  scorecard_id: string;
  status: PreviewJob['status'];
  evaluated: number | string;
  result: string | null;
  reason: string | null;
  started_at: Date | string | number;
  finished_at: Date | string | number | null;
}

function isoTime(value: Date | string | number): string {
  return new Date(value).toISOString();
}

function jobOf(row: JobRow): PreviewJob {
  return {
    id: row.id,
    owner: row.owner,
    scorecard: row.scorecard_id,
    status: row.status,
    evaluated: Number(row.evaluated),
    startedAt: isoTime(row.started_at),
    ...(row.finished_at && { finishedAt: isoTime(row.finished_at) }),
    ...(row.result && { result: JSON.parse(row.result) }),
    ...(row.reason && { reason: row.reason }),
  };
}

/**
 * Preview jobs in the plugin's database, so that every replica answers for
 * them. A unique column holds the owner while a job runs, so that each owner
 * runs one job at a time across replicas.
 */
export class PreviewJobStore {
  /**
   * Shares the client of the plugin's database; the readiness store runs the
   * migrations, this table's included.
   */
  static async create(options: {
    database: DatabaseService;
  }): Promise<PreviewJobStore> {
    return new PreviewJobStore(await options.database.getClient());
  }

  constructor(private readonly db: Knex) {}

  /**
   * Records a running job; a ConflictError naming the owner's running job
   * if there is one.
   */
  async start(job: {
    id: string;
    owner: string;
    scorecard: string;
    startedAt: Date;
  }): Promise<void> {
    const conflict = (running: JobRow) =>
      new ConflictError(
        `Your preview ${running.id} is still running; wait for it to finish before starting another`,
      );
    const running = await this.runningRow(job.owner);
    if (running) {
      throw conflict(running);
    }
    try {
      await this.db<JobRow>(TABLE).insert({
        id: job.id,
        owner: job.owner,
        running_owner: job.owner,
        scorecard_id: job.scorecard,
        status: 'running',
        evaluated: 0,
        started_at: job.startedAt,
      });
    } catch (error) {
      // Another replica started one for the same owner in between.
      const other = await this.runningRow(job.owner);
      if (other) {
        throw conflict(other);
      }
      throw error;
    }
  }

  async get(id: string): Promise<PreviewJob | undefined> {
    const row = await this.db<JobRow>(TABLE).where({ id }).first();
    return row && jobOf(row);
  }

  async progress(id: string, evaluated: number): Promise<void> {
    await this.db<JobRow>(TABLE)
      .where({ id, status: 'running' })
      .update({ evaluated });
  }

  async finish(id: string, result: PreviewResult, at: Date): Promise<void> {
    await this.db<JobRow>(TABLE)
      .where({ id, status: 'running' })
      .update({
        status: 'done',
        running_owner: null,
        evaluated: result.evaluated,
        result: JSON.stringify(result),
        finished_at: at,
      });
  }

  async fail(
    id: string,
    reason: string,
    at: Date,
    evaluated?: number,
  ): Promise<void> {
    await this.db<JobRow>(TABLE)
      .where({ id, status: 'running' })
      .update({
        status: 'failed',
        running_owner: null,
        reason,
        finished_at: at,
        ...(evaluated !== undefined && { evaluated }),
      });
  }

  /**
   * Fails the jobs still running that started before this time: their
   * replica stopped before they finished.
   */
  async failAbandoned(startedBefore: Date, reason: string, at: Date) {
    return this.db<JobRow>(TABLE)
      .where('status', 'running')
      .where('started_at', '<', startedBefore)
      .update({
        status: 'failed',
        running_owner: null,
        reason,
        finished_at: at,
      });
  }

  /** Deletes the jobs that finished before this time; returns how many. */
  async deleteFinishedBefore(time: Date): Promise<number> {
    return this.db<JobRow>(TABLE).where('finished_at', '<', time).delete();
  }

  private async runningRow(owner: string): Promise<JobRow | undefined> {
    return this.db<JobRow>(TABLE).where({ running_owner: owner }).first();
  }
}
