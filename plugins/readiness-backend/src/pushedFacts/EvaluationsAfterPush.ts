import { LoggerService } from '@backstage/backend-plugin-api';
import { describeError } from '@readiness/plugin-readiness-common';

interface Queued {
  evaluate: () => Promise<unknown>;
  done: Promise<void>;
  resolve: () => void;
}

/**
 * Re-evaluations of entities after pushes: at most one runs per entity, and
 * the pushes that arrive meanwhile join a single one after it, which reads
 * all their facts. A failure is logged, never thrown: the facts are stored
 * and the next evaluation uses them.
 */
export class EvaluationsAfterPush {
  /** Entities being evaluated, with the evaluation queued after, if any. */
  private readonly entities = new Map<string, { queued?: Queued }>();

  constructor(private readonly logger: LoggerService) {}

  /**
   * Evaluates the entity by `evaluate` (or joins the evaluation queued
   * for it); resolves once an evaluation that started after this call
   * ended.
   */
  request(entityRef: string, evaluate: () => Promise<unknown>): Promise<void> {
    const state = this.entities.get(entityRef);
    if (!state) {
      this.entities.set(entityRef, {});
      return this.runFirst(entityRef, evaluate);
    }
    if (!state.queued) {
      let resolve!: () => void;
      const done = new Promise<void>(resolved => {
        resolve = resolved;
      });
      state.queued = { evaluate, done, resolve };
    }
    return state.queued.done;
  }

  private async runFirst(
    entityRef: string,
    evaluate: () => Promise<unknown>,
  ): Promise<void> {
    await this.run(entityRef, evaluate);
    // The caller goes on; what was queued meanwhile runs after.
    void this.drain(entityRef);
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
