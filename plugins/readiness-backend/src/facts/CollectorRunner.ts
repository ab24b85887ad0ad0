import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  appliesToEntity,
  CATALOG_FACTS,
  CATALOG_SOURCE,
  CatalogRelations,
  catalogFacts,
  FactSet,
} from '@readiness/plugin-readiness-common';
import {
  checkCollectedFacts,
  CollectorError,
  FactCollector,
  readDurationMs,
} from '@readiness/plugin-readiness-node';
import { FactsCache, StoredFacts } from '../store';
import type { PushedFacts } from '../pushedFacts/PushedFacts';
import { CatalogRelationsResolver } from './CatalogRelationsResolver';
import { collectorTarget } from './collectorTarget';
import { errorReport } from '../evaluation/errorReport';
import { readCollectorSettings } from './readCollectorSettings';
import { RepositoryFilesCollector } from './RepositoryFilesCollector';

export interface FactsCollectionOptions {
  /** How long one collector may take for one entity. */
  timeoutMs: number;
  /** How long each collector's facts are reused before it is asked again. */
  frequencyMs?: (collectorId: string) => number;
  /** Whether app-config lets the collector run; all do by default. */
  enabled?: (collectorId: string) => boolean;
  /**
   * How old a collector's last good facts may be to stand in for it when it
   * fails; by default they serve however old.
   */
  maxLastGoodAgeMs?: (collectorId: string) => number;
}

/** What a {@link CollectorRunner} runs, where it keeps facts, and how. */
export interface CollectorRunnerOptions {
  relations: CatalogRelationsResolver;
  /** Every installed collector, the built-in ones included. */
  collectors: () => FactCollector[];
  factsCache: FactsCache;
  logger: LoggerService;
  settings: FactsCollectionOptions;
  /** The facts pipelines pushed (`readiness.pushedFacts`); none if absent. */
  pushedFacts?: PushedFacts;
}

/** How long one collector may take for one entity, by default. */
const DEFAULT_COLLECTOR_TIMEOUT: HumanDuration = { seconds: 10 };
/** How long the repository files collector's facts are reused, by default. */
const DEFAULT_REPOSITORY_FREQUENCY: HumanDuration = { hours: 1 };

/**
 * Gathers every fact about one entity: the catalog's own, those pipelines
 * pushed, and those of each collector that applies. A collector's last good facts are stored and
 * reused while fresher than its frequency. A collector that fails, times
 * out or returns garbage never stops the others: its last good facts stay,
 * with the time they were observed, or, with none, its facts are
 * unavailable with the reason. Stored facts are used only while the entity
 * points the collector at the same target (see collectorTarget), and stand
 * in for a failing collector only up to their maximum age.
 */
export class CollectorRunner {
  /** Whether app-config lets the collector run (`.enabled`). */
  isEnabled(collectorId: string): boolean {
    return this.options.settings.enabled?.(collectorId) !== false;
  }

  /**
   * Reads `readiness.collectorTimeout` and `readiness.collectors`: the
   * repository files collector's facts are reused for an hour by default,
   * as reading a repository is costly.
   */
  static fromConfig(
    config: Config,
    deps: Omit<CollectorRunnerOptions, 'settings'>,
  ): CollectorRunner {
    return new CollectorRunner({
      ...deps,
      settings: {
        timeoutMs: readDurationMs(config, 'readiness.collectorTimeout', {
          allowZero: true,
          default: DEFAULT_COLLECTOR_TIMEOUT,
        }),
        ...readCollectorSettings(config, {
          [RepositoryFilesCollector.ID]: DEFAULT_REPOSITORY_FREQUENCY,
        }),
      },
    });
  }

  constructor(private readonly options: CollectorRunnerOptions) {}

  /** With `force`, every collector is asked, however fresh its facts. */
  async collect(
    entity: Entity,
    now: Date,
    options: { force?: boolean } = {},
  ): Promise<FactSet> {
    const applicable = this.options
      .collectors()
      .filter(c => appliesToEntity(c.appliesTo, entity));
    const stored =
      applicable.length > 0
        ? await this.options.factsCache.getEntityFacts(
            stringifyEntityRef(entity),
          )
        : new Map<string, StoredFacts>();
    const [catalog, pushed, ...collected] = await Promise.all([
      this.collectCatalog(entity, now),
      this.options.pushedFacts?.factsOf(stringifyEntityRef(entity)) ?? {},
      ...applicable.map(collector => {
        if (!this.isEnabled(collector.id)) {
          return unavailable(
            collector,
            `collector ${collector.id} is turned off (readiness.collectors.${collector.id}.enabled)`,
          );
        }
        const target = collectorTarget(collector, entity);
        const previous = stored.get(collector.id);
        const age =
          previous?.target === target
            ? now.getTime() - Date.parse(previous.observedAt)
            : Infinity;
        const frequencyMs =
          this.options.settings.frequencyMs?.(collector.id) ?? 0;
        return !options.force && age < frequencyMs
          ? factsOf(collector, previous!, 'returned no valid value')
          : this.collectFrom(collector, entity, now, { previous, target });
      }),
    ]);
    return Object.assign(catalog, pushed, ...collected);
  }

  /**
   * The entity's own facts, and those of its owner and system; reads the
   * catalog only, so a preview uses it too.
   */
  async collectCatalog(
    entity: Entity,
    now: Date,
    resolve: (entity: Entity) => Promise<CatalogRelations> = e =>
      this.options.relations.resolve(e),
  ): Promise<FactSet> {
    try {
      return catalogFacts(entity, now, await resolve(entity));
    } catch (error) {
      const report = errorReport(
        'the catalog could not resolve the owner and system',
        error,
      );
      const reason = report.shown;
      this.options.logger.warn(
        `${stringifyEntityRef(entity)}: ${report.logged}`,
      );
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
    { previous, target }: { previous?: StoredFacts; target: string },
  ): Promise<FactSet> {
    const entityRef = stringifyEntityRef(entity);
    const logger = this.options.logger.child({
      collector: collector.id,
      entityRef,
    });
    const { timeoutMs } = this.options.settings;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new CollectorError(`timed out after ${timeoutMs} ms`));
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
      const observed = { observedAt: now.toISOString(), facts, target };
      await this.options.factsCache.saveEntityFacts(
        entityRef,
        collector.id,
        observed,
      );
      return factsOf(collector, observed, 'returned no valid value');
    } catch (error) {
      const report = errorReport(`collector ${collector.id} failed`, error);
      const unusable = this.whyUnusable(collector, now, target, previous);
      if (previous && !unusable) {
        logger.warn(
          `${report.logged}; keeping its facts observed at ${previous.observedAt}`,
        );
        return factsOf(
          collector,
          previous,
          'gave no value when it last worked',
        );
      }
      const because = unusable ? `; ${unusable}` : '';
      logger.warn(`${report.logged}${because}`);
      return unavailable(collector, `${report.shown}${because}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Why a failing collector's stored facts cannot stand in for it: they are
   * about another target, or older than its maximum age.
   */
  private whyUnusable(
    collector: FactCollector,
    now: Date,
    target: string,
    previous: StoredFacts | undefined,
  ): string | undefined {
    if (!previous) {
      return undefined;
    }
    if (previous.target === undefined) {
      return 'its last facts were stored without what they were read from, so they are not used';
    }
    if (previous.target !== target) {
      return 'its last facts were about what the entity named before (its annotations or spec changed since), so they are not used';
    }
    const maxAgeMs =
      this.options.settings.maxLastGoodAgeMs?.(collector.id) ?? Infinity;
    if (now.getTime() - Date.parse(previous.observedAt) > maxAgeMs) {
      return `its last good facts, observed at ${previous.observedAt}, are older than readiness.collectors.${collector.id}.maxLastGoodAge allows`;
    }
    return undefined;
  }
}

/**
 * Every fact the collector provides, from what it observed; those it gave no
 * value for are unavailable, with why.
 */
export function factsOf(
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
