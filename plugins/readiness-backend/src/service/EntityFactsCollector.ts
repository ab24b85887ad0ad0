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
import { CatalogRelationsResolver } from './CatalogRelationsResolver';

/**
 * Gathers every fact about one entity: the catalog's own, and those of each
 * collector that applies. A collector that fails, times out or returns
 * garbage makes its facts unavailable, with the reason; it never stops the
 * others.
 */
export class EntityFactsCollector {
  constructor(
    private readonly relations: CatalogRelationsResolver,
    private readonly collectors: () => FactCollector[],
    private readonly logger: LoggerService,
    private readonly timeoutMs: number,
  ) {}

  async collect(entity: Entity, now: Date): Promise<FactSet> {
    const applicable = this.collectors().filter(c =>
      appliesToEntity(c.appliesTo, entity),
    );
    const [catalog, ...collected] = await Promise.all([
      this.collectCatalog(entity, now),
      ...applicable.map(c => this.collectFrom(c, entity, now)),
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
  ): Promise<FactSet> {
    const entityRef = stringifyEntityRef(entity);
    const logger = this.logger.child({ collector: collector.id, entityRef });
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`timed out after ${this.timeoutMs} ms`));
      }, this.timeoutMs);
    });
    try {
      const byEntity = await Promise.race([
        collector.collect([entity], {
          logger,
          signal: controller.signal,
          deadline: new Date(now.getTime() + this.timeoutMs),
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
      const observedAt = now.toISOString();
      return Object.fromEntries(
        collector.facts.map(({ name }) => [
          name,
          name in facts
            ? { value: facts[name], source: collector.id, observedAt }
            : {
                source: collector.id,
                reason: `collector ${collector.id} returned no valid value`,
              },
        ]),
      );
    } catch (error) {
      const reason = `collector ${collector.id} failed: ${
        error instanceof Error ? error.message : String(error)
      }`;
      logger.warn(reason);
      return Object.fromEntries(
        collector.facts.map(({ name }) => [
          name,
          { source: collector.id, reason },
        ]),
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
