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
import { EventsService } from '@backstage/plugin-events-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  BUILT_IN_FACTS,
  FactDefinition,
} from '@readiness/plugin-readiness-common';
import { EntityEvaluator } from './evaluation/EntityEvaluator';
import { ReadinessEventPublisher } from './events/ReadinessEventPublisher';
import { CatalogRelationsResolver } from './facts/CatalogRelationsResolver';
import { CollectorRunner } from './facts/CollectorRunner';
import { FactCollectorRegistry } from './facts/FactCollectorRegistry';
import { RepositoryFilesCollector } from './facts/RepositoryFilesCollector';
import { CampaignTracker } from './jobs/CampaignTracker';
import { CatalogChangeScan } from './jobs/CatalogChangeScan';
import { CatalogEvaluationRun } from './jobs/CatalogEvaluationRun';
import { ScorecardReload } from './jobs/ScorecardReload';
import { ExemptionExpiry } from './jobs/ExemptionExpiry';
import { NotificationDigest } from './jobs/NotificationDigest';
import { PushedFacts } from './pushedFacts/PushedFacts';
import { readPushedFacts } from './pushedFacts/readPushedFacts';
import { connectNotifications } from './notifications/connectNotifications';
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
  /** Sends the notification digests; none are written or sent without it. */
  notifications?: NotificationService;
  /** Where level changes and campaign milestones are published, if given. */
  events?: EventsService;
  /**
   * The time entities are evaluated at; the current time by default. The
   * example app's demo evaluates a few entities as of yesterday with it.
   */
  now?: () => Date;
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
  /** The facts pipelines push (`readiness.pushedFacts`), as evaluated. */
  pushedFacts: PushedFacts;
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
  /** Records campaign burn-ups and milestones; listeners hear of milestones. */
  campaignTracker: CampaignTracker;
  /** Sends notification digests; absent without a notification service. */
  notificationDigest?: NotificationDigest;
  /**
   * Schedules the catalog run, the change scan, the scorecard reload, the
   * exemption expiry, the campaign tracker and the notification digest.
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
  // Read first: a mistake in the declarations stops the plugin at startup.
  const pushedDefinitions = readPushedFacts(config);
  const knownFacts = () => [
    ...BUILT_IN_FACTS,
    ...pushedDefinitions,
    ...collectors.list().flatMap(c => c.facts),
  ];

  const stores = await createReadinessStores({ database, logger });
  const pushedFacts = new PushedFacts(pushedDefinitions, stores.pushedFacts);
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
    pushedFacts,
  });
  const evaluator = new EntityEvaluator({
    resultWriter: stores.resultWriter,
    scorecards: registry,
    facts,
    ownerInput: stores.ownerInput,
    now: options.now,
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
  const campaignTracker = CampaignTracker.fromConfig(config, {
    campaigns: () => registry.campaigns().map(c => c.campaign),
    queries: stores.campaigns,
    logger,
  });
  if (options.events) {
    const publisher = new ReadinessEventPublisher(options.events, logger);
    stores.resultWriter.addListener(publisher.levelChanges);
    campaignTracker.addListener(publisher.milestones);
  }
  const notificationDigest = connectNotifications({
    config,
    logger,
    stores,
    campaignTracker,
    notifications: options.notifications,
  });

  return {
    stores,
    registry,
    relations,
    facts,
    collectors,
    pushedFacts,
    knownFacts,
    evaluator,
    catalogRun,
    changeScan,
    scorecardReload,
    exemptionExpiry,
    campaignTracker,
    notificationDigest,
    async scheduleJobs(scheduler) {
      await catalogRun.schedule(scheduler);
      await changeScan.schedule(scheduler);
      await scorecardReload.schedule(scheduler);
      await exemptionExpiry.schedule(scheduler);
      await campaignTracker.schedule(scheduler);
      await notificationDigest?.schedule(scheduler);
    },
  };
}
