import {
  createExtensionPoint,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityPredicate,
  FactDefinition,
  FactValue,
} from '@readiness/plugin-readiness-common';

export type {
  FactDefinition,
  FactType,
} from '@readiness/plugin-readiness-common';

/** @public */
export interface FactCollectorContext {
  logger: LoggerService;
  /** Aborted when the deadline passes or the backend stops. */
  signal: AbortSignal;
  deadline: Date;
}

/**
 * Fact values for one entity, by fact name. A fact left out was not observed;
 * `null` means observed and absent.
 *
 * @public
 */
export type CollectedFacts = Record<string, FactValue>;

/**
 * Gathers facts about entities from one source.
 *
 * @public
 */
export interface FactCollector {
  /** Unique, and the prefix of every fact name it provides. */
  id: string;
  facts: FactDefinition[];
  /** Which entities to collect for (a filter predicate); all when left out. */
  appliesTo?: EntityPredicate;
  /**
   * What the collector reads for the entity, e.g. the repository or service
   * named by an annotation. Stored facts are used only while this stays the
   * same: pointed elsewhere, the collector is asked anew, and facts about
   * the old source are never shown for the new one. By default, everything
   * an entity author could point a collector with: the entity's
   * annotations, labels and spec.
   */
  target?(entity: Entity): string;
  /** Facts by stringified entity ref, for a batch of entities. */
  collect(
    entities: Entity[],
    context: FactCollectorContext,
  ): Promise<Map<string, CollectedFacts>>;
}

/**
 * Lets backend modules add fact collectors to the readiness backend.
 *
 * @public
 */
export interface ReadinessCollectorsExtensionPoint {
  addCollector(...collectors: FactCollector[]): void;
}

/** @public */
export const readinessCollectorsExtensionPoint =
  createExtensionPoint<ReadinessCollectorsExtensionPoint>({
    id: 'readiness.collectors',
  });
