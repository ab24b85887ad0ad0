/* eslint-disable @backstage/no-forbidden-package-imports -- the benchmark drives the backend's own classes, without HTTP or a plugin system */
import {
  AuthService,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { BUILT_IN_FACTS } from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { RepositoryFilesCollector } from '@readiness/plugin-readiness-backend/src/facts/RepositoryFilesCollector';
import { DatabaseReadinessStore } from '@readiness/plugin-readiness-backend/src/store';
import { loadScorecards } from '@readiness/plugin-readiness-backend/src/scorecards/loadScorecards';
import { ScorecardRegistry } from '@readiness/plugin-readiness-backend/src/scorecards/ScorecardRegistry';
import { CatalogChangeScan } from '@readiness/plugin-readiness-backend/src/jobs/CatalogChangeScan';
import { CatalogEvaluationRun } from '@readiness/plugin-readiness-backend/src/jobs/CatalogEvaluationRun';
import { CatalogRelationsResolver } from '@readiness/plugin-readiness-backend/src/facts/CatalogRelationsResolver';
import { EntityEvaluator } from '@readiness/plugin-readiness-backend/src/evaluation/EntityEvaluator';
import { CollectorRunner } from '@readiness/plugin-readiness-backend/src/facts/CollectorRunner';
import { MemoryCatalog } from './MemoryCatalog';
import { syntheticRepositories } from './syntheticRepositories';

const quiet = () => {};
export const quietLogger = {
  error: quiet,
  warn: quiet,
  info: quiet,
  debug: quiet,
  child: () => quietLogger,
} as unknown as LoggerService;

const auth = {
  getOwnServiceCredentials: async () => ({}),
} as unknown as AuthService;

/**
 * The readiness backend's evaluation path, wired as plugin.ts wires it, over
 * an in-memory catalog, synthetic repositories and a real database.
 */
export async function readinessBackend(knex: Knex, catalog: MemoryCatalog) {
  const store = await DatabaseReadinessStore.create({
    database: { getClient: async () => knex } as unknown as DatabaseService,
  });
  const service = catalog.asService();
  const registry = new ScorecardRegistry(
    () => loadScorecards(new ConfigReader({}), BUILT_IN_FACTS),
    quietLogger,
  );
  const facts = new CollectorRunner(
    new CatalogRelationsResolver(service, auth),
    () => [new RepositoryFilesCollector(syntheticRepositories())],
    store,
    quietLogger,
    { timeoutMs: 10_000 },
  );
  const evaluator = new EntityEvaluator(store, registry, facts);
  return {
    store,
    evaluator,
    fullRun: new CatalogEvaluationRun(
      service,
      auth,
      store,
      evaluator,
      quietLogger,
      365 * 24 * 3600 * 1000,
    ),
    changeScan: new CatalogChangeScan(
      service,
      auth,
      store,
      evaluator,
      quietLogger,
    ),
  };
}
