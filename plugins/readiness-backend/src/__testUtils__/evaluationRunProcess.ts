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
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import knexFactory from 'knex';
import { buildReadinessContext } from '../buildReadinessContext';

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
    // No owner is in this catalog.
    async getEntitiesByRefs(request: { entityRefs: string[] }) {
      return { items: request.entityRefs.map(() => undefined) };
    },
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
  const context = await buildReadinessContext({
    config: new ConfigReader({}),
    logger,
    database: { getClient: async () => knex } as unknown as DatabaseService,
    catalog,
    auth: {
      getOwnServiceCredentials: async () => ({}),
    } as unknown as AuthService,
    urlReader: {} as UrlReaderService,
  });
  // Reports each entity as the run evaluates it.
  let evaluated = 0;
  const compute = context.evaluator.compute.bind(context.evaluator);
  context.evaluator.compute = async entity => {
    const result = await compute(entity);
    process.stdout.write(`evaluated ${++evaluated}\n`);
    return result;
  };
  const summary = await context.catalogRun.run();
  process.stdout.write(`done ${JSON.stringify(summary)}\n`);
  await knex.destroy();
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
