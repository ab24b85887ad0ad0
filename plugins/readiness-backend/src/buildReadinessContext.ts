import {
  AuditorService,
  AuthService,
  DatabaseService,
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BUILT_IN_FACTS,
  FactDefinition,
} from '@readiness/plugin-readiness-common';
import { EntityEvaluator } from './evaluation/EntityEvaluator';
import { CatalogRelationsResolver } from './facts/CatalogRelationsResolver';
import { CollectorRunner } from './facts/CollectorRunner';
import { FactCollectorRegistry } from './facts/FactCollectorRegistry';
import { RepositoryFilesCollector } from './facts/RepositoryFilesCollector';
import { CatalogChangeScan } from './jobs/CatalogChangeScan';
import { CatalogEvaluationRun } from './jobs/CatalogEvaluationRun';
import { ScorecardReload } from './jobs/ScorecardReload';
import { ExemptionExpiry } from './jobs/ExemptionExpiry';
import { loadScorecards } from './scorecards/loadScorecards';
import { ScorecardRegistry } from './scorecards/ScorecardRegistry';
import { createReadinessStores, ReadinessStores } from './store';

/**
 * The services Readiness is built from.
 *
 * @public
 */
export interface ReadinessContextOptions {
  config: Config;
  logger: LoggerService;
  database: DatabaseService;
  catalog: CatalogService;
  auth: AuthService;
  /** Reads repository trees for the built-in repository files collector. */
  urlReader: UrlReaderService;
  /** The collectors modules added; none by default. */
  collectors?: FactCollectorRegistry;
  /** Records exemptions that expire; a no-op auditor when not given. */
  auditor?: AuditorService;
}

/**
 * Readiness' object graph: what evaluates entities, where results are
 * stored, and the scheduled jobs.
 *
 * @public
 */
export interface ReadinessContext {
  stores: ReadinessStores;
  registry: ScorecardRegistry;
  relations: CatalogRelationsResolver;
  facts: CollectorRunner;
  collectors: FactCollectorRegistry;
  /**
   * Every fact a scorecard may use. Facts of collectors turned off stay
   * known, and are unavailable, so scorecards using them still load.
   */
  knownFacts(): FactDefinition[];
  evaluator: EntityEvaluator;
  catalogRun: CatalogEvaluationRun;
  changeScan: CatalogChangeScan;
  scorecardReload: ScorecardReload;
  exemptionExpiry: ExemptionExpiry;
  /**
   * Schedules the catalog run, the change scan, the scorecard reload and
   * the exemption expiry.
   */
  scheduleJobs(scheduler: SchedulerService): Promise<void>;
}

/** For benchmarks and tests that build Readiness without Backstage's. */
const SILENT_AUDITOR: AuditorService = {
  createEvent: async () => ({ success: async () => {}, fail: async () => {} }),
};

/**
 * Builds Readiness from Backstage's services and app-config: the one place
 * where its parts are made and joined, for the plugin, benchmarks and tests.
 *
 * @public
 */
export async function buildReadinessContext(
  options: ReadinessContextOptions,
): Promise<ReadinessContext> {
  const { config, logger, database, catalog, auth, urlReader } = options;
  const collectors = options.collectors ?? new FactCollectorRegistry();
  collectors.add(RepositoryFilesCollector.fromConfig(config, urlReader));
  const knownFacts = () => [
    ...BUILT_IN_FACTS,
    ...collectors.list().flatMap(c => c.facts),
  ];

  const stores = await createReadinessStores({ database });
  const registry = new ScorecardRegistry(
    () => loadScorecards(config, knownFacts()),
    logger,
  );
  const relations = new CatalogRelationsResolver(catalog, auth);
  const facts = CollectorRunner.fromConfig(config, {
    relations,
    collectors: () => collectors.list(),
    factsCache: stores.factsCache,
    logger,
  });
  const evaluator = new EntityEvaluator({
    resultWriter: stores.resultWriter,
    scorecards: registry,
    facts,
    ownerInput: stores.ownerInput,
  });
  const jobDeps = { catalog, auth, evaluator, logger };
  const catalogRun = CatalogEvaluationRun.fromConfig(config, {
    ...jobDeps,
    resultWriter: stores.resultWriter,
    retention: stores.retention,
  });
  const changeScan = CatalogChangeScan.fromConfig(config, {
    ...jobDeps,
    entityResults: stores.entityResults,
  });
  const scorecardReload = ScorecardReload.fromConfig(config, {
    registry,
    changeScan,
    logger,
  });
  const exemptionExpiry = ExemptionExpiry.fromConfig(config, {
    ...jobDeps,
    store: stores.ownerInput,
    auditor: options.auditor ?? SILENT_AUDITOR,
  });

  return {
    stores,
    registry,
    relations,
    facts,
    collectors,
    knownFacts,
    evaluator,
    catalogRun,
    changeScan,
    scorecardReload,
    exemptionExpiry,
    async scheduleJobs(scheduler) {
      await catalogRun.schedule(scheduler);
      await changeScan.schedule(scheduler);
      await scorecardReload.schedule(scheduler);
      await exemptionExpiry.schedule(scheduler);
    },
  };
}
