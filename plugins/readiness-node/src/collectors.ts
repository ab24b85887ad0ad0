import {
  createExtensionPoint,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityPredicate,
  FactValue,
} from '@readiness/plugin-readiness-common';

/**
 * The type of a fact's value; `string-list` is `string[]`, `string-map` is a
 * record of strings (such as annotations).
 *
 * @public
 */
export type FactType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'string-list'
  | 'string-map';

/**
 * A fact that a collector provides.
 *
 * @public
 */
export interface FactDefinition {
  /** Starts with the collector id and a dot, e.g. `github.branchProtection`. */
  name: string;
  type: FactType;
  description: string;
}

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
