/*
 * A backend's catalog run in a process of its own, for the test that kills
 * one mid-run (CatalogEvaluationRun.kill.test.ts). Reads the knex config from
 * READINESS_TEST_DB (JSON) and the catalog size from READINESS_TEST_ENTITIES,
 * prints "evaluated <n>" as each entity is evaluated (stored by page) and "done <summary>" at the end.
 */
import {
  AuthService,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { BUILT_IN_FACTS } from '@readiness/plugin-readiness-common';
import knexFactory from 'knex';
import { DatabaseReadinessStore } from '../store';
import { loadScorecards } from '../scorecards/loadScorecards';
import { ScorecardRegistry } from '../scorecards/ScorecardRegistry';
import { CatalogEvaluationRun } from '../jobs/CatalogEvaluationRun';
import { CatalogRelationsResolver } from '../facts/CatalogRelationsResolver';
import { EntityEvaluator } from '../evaluation/EntityEvaluator';
import { CollectorRunner } from '../facts/CollectorRunner';

async function main() {
  const knex = knexFactory(JSON.parse(process.env.READINESS_TEST_DB!));
  const count = Number(process.env.READINESS_TEST_ENTITIES);
  const entities: Entity[] = Array.from({ length: count }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: `svc-${i}`, namespace: 'default', etag: 'e1' },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  }));
  const catalog = {
    async *streamEntities(request?: { pageSize?: number }) {
      const size = request?.pageSize ?? 100;
      for (let i = 0; i < entities.length; i += size) {
        yield entities.slice(i, i + size);
      }
    },
  } as unknown as CatalogService;

  // Jest's mocks are not available outside Jest: just enough services.
  const quiet = () => {};
  const logger = {
    error: quiet,
    warn: quiet,
    info: quiet,
    debug: quiet,
    child: () => logger,
  } as unknown as LoggerService;
  const store = await DatabaseReadinessStore.create({
    database: { getClient: async () => knex } as unknown as DatabaseService,
  });
  const registry = new ScorecardRegistry(
    () => loadScorecards(new ConfigReader({}), BUILT_IN_FACTS),
    logger,
  );
  const facts = new CollectorRunner(
    {
      resolve: async () => ({ owner: null, system: null }),
    } as unknown as CatalogRelationsResolver,
    () => [],
    store,
    logger,
    { timeoutMs: 1000 },
  );
  const evaluator = new EntityEvaluator(store, registry, facts);
  let evaluated = 0;
  const reporting = Object.create(evaluator) as EntityEvaluator;
  reporting.compute = async entity => {
    const result = await evaluator.compute(entity);
    process.stdout.write(`evaluated ${++evaluated}\n`);
    return result;
  };
  const summary = await new CatalogEvaluationRun(
    catalog,
    { getOwnServiceCredentials: async () => ({}) } as unknown as AuthService,
    store,
    reporting,
    logger,
    365 * 24 * 60 * 60 * 1000,
  ).run();
  process.stdout.write(`done ${JSON.stringify(summary)}\n`);
  await knex.destroy();
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
