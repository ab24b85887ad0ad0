import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  BUILT_IN_FACTS,
  readinessPermissions,
} from '@readiness/plugin-readiness-common';
import { readinessCollectorsExtensionPoint } from '@readiness/plugin-readiness-node';
import { RepositoryFilesCollector } from './facts/RepositoryFilesCollector';
import { DatabaseReadinessStore, readPluginSecret } from './store';
import { loadScorecards } from './scorecards/loadScorecards';
import { PreviewJobs } from './preview/PreviewJobs';
import { PreviewJobStore } from './preview/PreviewJobStore';
import { readPreviewSettings } from './preview/readPreviewSettings';
import { readScorecardLimits } from './scorecards/readScorecardLimits';
import { ScorecardPreview } from './preview/ScorecardPreview';
import { ScorecardRegistry } from './scorecards/ScorecardRegistry';
import { ScorecardsService } from './scorecards/ScorecardsService';
import { StoredFactsReader } from './preview/StoredFactsReader';
import { CatalogChangeScan } from './jobs/CatalogChangeScan';
import { CatalogEvaluationRun } from './jobs/CatalogEvaluationRun';
import { CatalogRelationsResolver } from './facts/CatalogRelationsResolver';
import { CatalogVisibility } from './api/CatalogVisibility';
import { EntityEvaluator } from './evaluation/EntityEvaluator';
import { CollectorRunner } from './facts/CollectorRunner';
import { EntityReadinessService } from './api/EntityReadinessService';
import { FactCollectorRegistry } from './facts/FactCollectorRegistry';
import { RelationEvidenceRedactor } from './api/RelationEvidenceRedactor';
import {
  readRefreshRateLimits,
  RefreshRateLimiter,
} from './api/RefreshRateLimiter';
import { ResultsCursor } from './api/ResultsCursor';
import {
  readResultsScanRows,
  ResultsListService,
} from './api/ResultsListService';
import { readCollectorSettings } from './facts/readCollectorSettings';
import { readDurationMs } from './config/readDurationMs';
import {
  readChangeDetectionSchedule,
  readEvaluationSchedule,
} from './jobs/readSchedules';
import { createRouter } from './api/router';
import { ServiceAccessPolicy } from './api/ServiceAccessPolicy';

const EVALUATION_TASK = 'readiness-evaluate-catalog';

/**
 * The Readiness backend plugin.
 *
 * @public
 */
export const readinessPlugin = createBackendPlugin({
  pluginId: 'readiness',
  register(env) {
    const collectors = new FactCollectorRegistry();
    env.registerExtensionPoint(readinessCollectorsExtensionPoint, {
      addCollector: (...added) => added.forEach(c => collectors.add(c)),
    });

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init({
        auth,
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        permissions,
        permissionsRegistry,
        scheduler,
        urlReader,
        catalog,
      }) {
        permissionsRegistry.addPermissions(readinessPermissions);
        const store = await DatabaseReadinessStore.create({ database });
        collectors.add(RepositoryFilesCollector.fromConfig(config, urlReader));
        const settings = readCollectorSettings(config, {
          repository: { hours: 1 },
        });
        // Facts of collectors turned off or not installed stay known, and
        // are unavailable, so scorecards using them still load.
        const knownFacts = () => [
          ...BUILT_IN_FACTS,
          ...collectors.list().flatMap(c => c.facts),
        ];
        const registry = new ScorecardRegistry(
          () => loadScorecards(config, knownFacts()),
          logger,
        );
        const relations = new CatalogRelationsResolver(catalog, auth);
        const facts = new CollectorRunner(
          relations,
          () => collectors.list(),
          store,
          logger,
          {
            timeoutMs: readDurationMs(config, 'readiness.collectorTimeout', {
              seconds: 10,
            }),
            ...settings,
          },
        );
        const evaluator = new EntityEvaluator(store, registry, facts);
        const catalogRun = new CatalogEvaluationRun(
          catalog,
          auth,
          store,
          evaluator,
          logger,
          readDurationMs(config, 'readiness.historyRetention', { days: 365 }),
        );
        const changeScan = new CatalogChangeScan(
          catalog,
          auth,
          store,
          evaluator,
          logger,
        );

        // Global tasks run on one replica at a time.
        await scheduler.scheduleTask({
          id: EVALUATION_TASK,
          ...readEvaluationSchedule(config),
          fn: async signal => {
            await catalogRun.run(signal);
          },
        });
        await scheduler.scheduleTask({
          id: 'readiness-detect-changes',
          ...readChangeDetectionSchedule(config),
          fn: async signal => {
            await changeScan.run(signal);
          },
        });
        // Every replica keeps its own scorecards in memory, so each reloads.
        await scheduler.scheduleTask({
          id: 'readiness-reload-scorecards',
          scope: 'local',
          frequency: {
            milliseconds: readDurationMs(config, 'readiness.scorecardReload', {
              minutes: 1,
            }),
          },
          timeout: { minutes: 1 },
          fn: async () => {
            if (registry.reload()) {
              logger.info('Scorecards changed; re-evaluating the catalog');
              changeScan.forgetUnscored();
              await scheduler.triggerTask(EVALUATION_TASK).catch(error => {
                logger.warn(`Could not start a catalog run now: ${error}`);
              });
            }
          },
        });

        const previewSettings = readPreviewSettings(config);
        const scorecardLimits = readScorecardLimits(config);
        // Services may refresh and preview only when config names them.
        const serviceAccess = ServiceAccessPolicy.fromConfig(config);
        httpRouter.use(
          await createRouter({
            httpAuth,
            readiness: new EntityReadinessService(
              catalog,
              store,
              evaluator,
              permissions,
              new RelationEvidenceRedactor(catalog),
              {
                services: serviceAccess,
                limiter: new RefreshRateLimiter(readRefreshRateLimits(config)),
              },
            ),
            scorecards: new ScorecardsService(registry, store),
            results: new ResultsListService(
              catalog,
              store,
              new ResultsCursor(
                await readPluginSecret(
                  await database.getClient(),
                  'results-cursor',
                ),
              ),
              { scanRows: readResultsScanRows(config) },
            ),
            preview: new PreviewJobs({
              preview: new ScorecardPreview({
                catalog,
                store,
                facts: new StoredFactsReader({
                  catalogFacts: (entity, now, credentials) =>
                    facts.collectCatalog(entity, now, e =>
                      relations.resolveFor(e, credentials),
                    ),
                  collectors: () => collectors.list(),
                  store,
                  enabled: settings.enabled,
                }),
                knownFacts,
                permissions,
                services: serviceAccess,
                limits: previewSettings,
                scorecardLimits,
              }),
              store: await PreviewJobStore.create({ database }),
              budgets: previewSettings,
              logger,
            }),
            visibility: new CatalogVisibility(catalog, auth),
            maxDocumentBytes: scorecardLimits.maxBytes,
          }),
        );
      },
    });
  },
});
