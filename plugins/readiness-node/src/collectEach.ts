import type { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CollectedFacts } from './collectors';
import { ConcurrencyLimiter } from './ConcurrencyLimiter';
import { describeError } from './http';

/**
 * How {@link collectEach} runs a batch. A `FactCollectorContext` is one.
 *
 * @public
 */
export interface CollectEachOptions {
  /** Where an entity left out of the batch is reported. */
  logger: LoggerService;
  /** Entities still waiting for their turn give up when it is aborted. */
  signal?: AbortSignal;
  /**
   * Entities collected at once: a number for this batch, or a limiter shared
   * with other batches. All at once when left out (a client that limits its
   * requests is enough).
   */
  concurrency?: number | ConcurrencyLimiter;
  /**
   * Where the facts come from, e.g. `GitHub`, for the warning of an entity
   * left out of the batch: "Could not collect the GitHub facts of <ref>:
   * <reason>". Without it (nor `warning`), "Could not collect the facts of
   * <ref>: <reason>".
   */
  source?: string;
  /** The warning for an entity left out of the batch, worded otherwise than `source` words it. */
  warning?: (entityRef: string, error: unknown) => string;
}

/**
 * Collects a batch one entity at a time: the facts of each entity that
 * `collectOne` returns, by stringified entity ref. An entity that fails is
 * left out of the result, with a warning when the batch has others; when
 * every entity fails, the first one's error is thrown, so that its reason
 * reaches the checks and the backend keeps the last good facts.
 *
 * @public
 */
export async function collectEach(
  entities: Entity[],
  options: CollectEachOptions,
  collectOne: (entity: Entity, entityRef: string) => Promise<CollectedFacts>,
): Promise<Map<string, CollectedFacts>> {
  const { concurrency, signal, logger } = options;
  const limiter =
    typeof concurrency === 'number'
      ? new ConcurrencyLimiter(concurrency)
      : concurrency;
  const refs = entities.map(entity => stringifyEntityRef(entity));
  const settled = await Promise.allSettled(
    entities.map(async (entity, i) =>
      limiter
        ? limiter.run(() => collectOne(entity, refs[i]), signal)
        : collectOne(entity, refs[i]),
    ),
  );
  const whichFacts = options.source
    ? `the ${options.source} facts`
    : 'the facts';
  const warning =
    options.warning ??
    ((ref: string, error: unknown) =>
      `Could not collect ${whichFacts} of ${ref}: ${describeError(error)}`);
  const collected = new Map<string, CollectedFacts>();
  let failed: { error: unknown } | undefined;
  settled.forEach((result, i) => {
    if (result.status === 'fulfilled') {
      collected.set(refs[i], result.value);
      return;
    }
    failed ??= { error: result.reason };
    if (entities.length > 1) {
      logger.warn(warning(refs[i], result.reason));
    }
  });
  if (collected.size === 0 && failed) {
    throw failed.error;
  }
  return collected;
}
