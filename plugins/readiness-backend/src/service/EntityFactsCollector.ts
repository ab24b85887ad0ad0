import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  appliesToEntity,
  CATALOG_FACTS,
  CATALOG_SOURCE,
  catalogFacts,
  FactSet,
} from '@readiness/plugin-readiness-common';
import {
  checkCollectedFacts,
  FactCollector,
} from '@readiness/plugin-readiness-node';
import { ReadinessStore, StoredFacts } from '../database';
import { CatalogRelationsResolver } from './CatalogRelationsResolver';

export interface FactsCollectionOptions {
  /** How long one collector may take for one entity. */
  timeoutMs: number;
  /** How long each collector's facts are reused before it is asked again. */
  frequencyMs?: (collectorId: string) => number;
  /** Whether app-config lets the collector run; all do by default. */
  enabled?: (collectorId: string) => boolean;
}

/**
 * Gathers every fact about one entity: the catalog's own, and those of each
 * collector that applies. A collector's last good facts are stored and
 * reused while fresher than its frequency. A collector that fails, times
 * out or returns garbage never stops the others: its last good facts stay,
 * with the time they were observed, or, with none, its facts are
 * unavailable with the reason.
 */
export class EntityFactsCollector {
  constructor(
    private readonly relations: CatalogRelationsResolver,
    private readonly collectors: () => FactCollector[],
    private readonly store: ReadinessStore,
    private readonly logger: LoggerService,
    private readonly options: FactsCollectionOptions,
  ) {}

  /** With `force`, every collector is asked, however fresh its facts. */
  async collect(
    entity: Entity,
    now: Date,
    options: { force?: boolean } = {},
  ): Promise<FactSet> {
    const applicable = this.collectors().filter(c =>
      appliesToEntity(c.appliesTo, entity),
    );
    const stored =
      applicable.length > 0
        ? await this.store.getEntityFacts(stringifyEntityRef(entity))
        : new Map<string, StoredFacts>();
    const [catalog, ...collected] = await Promise.all([
      this.collectCatalog(entity, now),
      ...applicable.map(collector => {
        if (this.options.enabled?.(collector.id) === false) {
          return unavailable(
            collector,
            `collector ${collector.id} is turned off (readiness.collectors.${collector.id}.enabled)`,
          );
        }
        const previous = stored.get(collector.id);
        const age = previous
          ? now.getTime() - Date.parse(previous.observedAt)
          : Infinity;
        const frequencyMs = this.options.frequencyMs?.(collector.id) ?? 0;
        return !options.force && age < frequencyMs
          ? factsOf(collector, previous!, 'returned no valid value')
          : this.collectFrom(collector, entity, now, previous);
      }),
    ]);
    return Object.assign(catalog, ...collected);
  }

  /** The entity's own facts, and those of its owner and system. */
  private async collectCatalog(entity: Entity, now: Date): Promise<FactSet> {
    try {
      return catalogFacts(entity, now, await this.relations.resolve(entity));
    } catch (error) {
      const reason = `the catalog could not resolve the owner and system: ${
        error instanceof Error ? error.message : String(error)
      }`;
      this.logger.warn(`${stringifyEntityRef(entity)}: ${reason}`);
      const facts: FactSet = catalogFacts(entity, now);
      for (const { name } of CATALOG_FACTS) {
        facts[name] ??= { source: CATALOG_SOURCE, reason };
      }
      return facts;
    }
  }

  private async collectFrom(
    collector: FactCollector,
    entity: Entity,
    now: Date,
    previous: StoredFacts | undefined,
  ): Promise<FactSet> {
    const entityRef = stringifyEntityRef(entity);
    const logger = this.logger.child({ collector: collector.id, entityRef });
    const { timeoutMs } = this.options;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`timed out after ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      const byEntity = await Promise.race([
        collector.collect([entity], {
          logger,
          signal: controller.signal,
          deadline: new Date(now.getTime() + timeoutMs),
        }),
        timeout,
      ]);
      const { facts, problems } = checkCollectedFacts(
        collector,
        byEntity.get(entityRef) ?? {},
      );
      for (const problem of problems) {
        logger.warn(problem);
      }
      const observed = { observedAt: now.toISOString(), facts };
      await this.store.saveEntityFacts(entityRef, collector.id, observed);
      return factsOf(collector, observed, 'returned no valid value');
    } catch (error) {
      const reason = `collector ${collector.id} failed: ${
        error instanceof Error ? error.message : String(error)
      }`;
      if (previous) {
        logger.warn(
          `${reason}; keeping its facts observed at ${previous.observedAt}`,
        );
        return factsOf(
          collector,
          previous,
          'gave no value when it last worked',
        );
      }
      logger.warn(reason);
      return unavailable(collector, reason);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Every fact the collector provides, from what it observed; those it gave no
 * value for are unavailable, with why.
 */
function factsOf(
  collector: FactCollector,
  observed: StoredFacts,
  noValue: string,
): FactSet {
  return Object.fromEntries(
    collector.facts.map(({ name }) => [
      name,
      name in observed.facts
        ? {
            value: observed.facts[name],
            source: collector.id,
            observedAt: observed.observedAt,
          }
        : {
            source: collector.id,
            reason: `collector ${collector.id} ${noValue}`,
          },
    ]),
  );
}

/** Every fact the collector provides, unavailable for this reason. */
function unavailable(collector: FactCollector, reason: string): FactSet {
  return Object.fromEntries(
    collector.facts.map(({ name }) => [name, { source: collector.id, reason }]),
  );
}
