import type { Entity } from '@backstage/catalog-model';
import type { FactDefinition } from '@readiness/plugin-readiness-common';
import { collectEach, type CollectEachOptions } from './collectEach';
import type {
  CollectedFacts,
  FactCollector,
  FactCollectorContext,
} from './collectors';

/**
 * A fact collector that collects the entities of a batch each on its own,
 * with {@link collectEach}: a subclass says how one entity is collected, and
 * how the batch runs. An entity that fails is left out and logged; when
 * every entity fails, the first error is thrown so that its reason reaches
 * the checks.
 *
 * @public
 */
export abstract class PerEntityFactCollector implements FactCollector {
  abstract readonly id: string;
  abstract readonly facts: FactDefinition[];

  /**
   * How {@link collectEach} runs a batch, besides the logger and signal of
   * its context, e.g. `{ source: 'GitHub' }` for the warnings.
   */
  protected abstract readonly batchOptions: Omit<
    CollectEachOptions,
    'logger' | 'signal'
  >;

  async collect(
    entities: Entity[],
    context: FactCollectorContext,
  ): Promise<Map<string, CollectedFacts>> {
    return collectEach(
      entities,
      { logger: context.logger, signal: context.signal, ...this.batchOptions },
      entity => this.collectOne(entity, context),
    );
  }

  /** The facts of one entity; an error leaves the entity out of the batch. */
  protected abstract collectOne(
    entity: Entity,
    context: FactCollectorContext,
  ): Promise<CollectedFacts>;
}
