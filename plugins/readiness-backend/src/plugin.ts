import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  CATALOG_FACTS,
  formatScorecardProblem,
  readinessPermissions,
  REPOSITORY_FACTS,
} from '@readiness/plugin-readiness-common';
import { readinessCollectorsExtensionPoint } from '@readiness/plugin-readiness-node';
import { DatabaseReadinessStore } from './database';
import { loadScorecards } from './scorecards/loadScorecards';
import { ScorecardPreview } from './scorecards/ScorecardPreview';
import { ScorecardsService } from './scorecards/ScorecardsService';
import { CatalogEvaluationRun } from './service/CatalogEvaluationRun';
import { CatalogRelationsResolver } from './service/CatalogRelationsResolver';
import { EntityEvaluator } from './service/EntityEvaluator';
import { EntityFactsCollector } from './service/EntityFactsCollector';
import { EntityReadinessService } from './service/EntityReadinessService';
import { FactCollectorRegistry } from './service/FactCollectorRegistry';
import { ResultsListService } from './service/ResultsListService';
import { readDurationMs } from './service/readDurationMs';
import { readEvaluationSchedule } from './service/readEvaluationSchedule';
import { createRouter } from './service/router';

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
        catalog,
      }) {
        permissionsRegistry.addPermissions(readinessPermissions);
        const store = await DatabaseReadinessStore.create({ database });
        const knownFacts = () => [
          ...CATALOG_FACTS,
          ...REPOSITORY_FACTS,
          ...collectors.list().flatMap(c => c.facts),
        ];
        const loaded = loadScorecards(config, knownFacts());
        for (const problem of loaded.problems) {
          logger.error(
            `Scorecard left out: ${formatScorecardProblem(problem)}`,
          );
        }
        const facts = new EntityFactsCollector(
          new CatalogRelationsResolver(catalog, auth),
          () => collectors.list(),
          logger,
          readDurationMs(config, 'readiness.collectorTimeout', { seconds: 10 }),
        );
        const evaluator = new EntityEvaluator(
          store,
          loaded.scorecards.map(s => s.scorecard),
          facts,
        );
        const catalogRun = new CatalogEvaluationRun(
          catalog,
          auth,
          store,
          evaluator,
          logger,
          readDurationMs(config, 'readiness.historyRetention', { days: 365 }),
        );

        // The scheduler runs it on one replica at a time.
        await scheduler.scheduleTask({
          id: 'readiness-evaluate-catalog',
          ...readEvaluationSchedule(config),
          fn: async signal => {
            await catalogRun.run(signal);
          },
        });

        const readiness = new EntityReadinessService(
          catalog,
          store,
          evaluator,
          permissions,
        );
        const scorecards = new ScorecardsService(loaded, store);
        httpRouter.use(
          await createRouter({
            httpAuth,
            readiness,
            scorecards,
            results: new ResultsListService(catalog, store),
            preview: new ScorecardPreview(
              catalog,
              store,
              facts,
              knownFacts,
              permissions,
            ),
          }),
        );
      },
    });
  },
});
