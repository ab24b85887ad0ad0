import { LoggerService } from '@backstage/backend-plugin-api';
import { describeError } from '@readiness/plugin-readiness-common';
import { ConcurrencyLimit } from '../lib/ConcurrencyLimit';

interface Queued {
  evaluate: () => Promise<unknown>;
  done: Promise<void>;
  resolve: () => void;
}

/**
 * Re-evaluations of entities after pushes: at most one runs per entity, and
 * the pushes that arrive meanwhile join a single one after it, which reads
 * all their facts. At most `maxConcurrent` entities are evaluated at once on
 * this replica, whoever pushed: beyond that a push's evaluation is skipped,
 * since its facts are stored and the scheduled run evaluates them. A failure
 * is logged, never thrown, for the same reason.
 */
export class EvaluationsAfterPush {
  /** Entities being evaluated, with the evaluation queued after, if any. */
  private readonly entities = new Map<string, { queued?: Queued }>();
  /** One place per entity in `entities`, held until its queue is drained. */
  private readonly places: ConcurrencyLimit;

  constructor(private readonly logger: LoggerService, maxConcurrent: number) {
    this.places = new ConcurrencyLimit(
      maxConcurrent,
      running => `${running} evaluations after pushes run already`,
    );
  }

  /**
   * Evaluates the entity by `evaluate` (or joins the evaluation queued
   * for it); resolves once an evaluation that started after this call
   * ended. Undefined when as many entities as allowed are being evaluated:
   * nothing runs.
   */
  request(
    entityRef: string,
    evaluate: () => Promise<unknown>,
  ): Promise<void> | undefined {
    const state = this.entities.get(entityRef);
    if (state) {
      if (!state.queued) {
        let resolve!: () => void;
        const done = new Promise<void>(resolved => {
          resolve = resolved;
        });
        state.queued = { evaluate, done, resolve };
      }
      return state.queued.done;
    }
    let firstDone!: () => void;
    const first = new Promise<void>(resolve => {
      firstDone = resolve;
    });
    this.entities.set(entityRef, {});
    const started = this.places.tryRun(async () => {
      await this.run(entityRef, evaluate);
      // The caller goes on; what was queued meanwhile runs after, in the
      // same place.
      firstDone();
      await this.drain(entityRef);
    });
    if (!started) {
      this.entities.delete(entityRef);
      return undefined;
    }
    return first;
  }

  /** Entities being evaluated now; for tests. */
  get running(): number {
    return this.places.running;
  }

  private async drain(entityRef: string): Promise<void> {
    for (;;) {
      const state = this.entities.get(entityRef)!;
      const queued = state.queued;
      if (!queued) {
        this.entities.delete(entityRef);
        return;
      }
      state.queued = undefined;
      await this.run(entityRef, queued.evaluate);
      queued.resolve();
    }
  }

  private async run(
    entityRef: string,
    evaluate: () => Promise<unknown>,
  ): Promise<void> {
    try {
      await evaluate();
    } catch (error) {
      this.logger.warn(
        `Evaluating ${entityRef} after pushed facts failed: ${describeError(
          error,
        )}`,
      );
    }
  }
}
