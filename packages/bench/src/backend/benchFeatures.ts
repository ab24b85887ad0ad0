import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  HttpRouterService,
} from '@backstage/backend-plugin-api';
import { ConfigReader, JsonObject } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { seededRandom } from '../generate/random';
import { edited } from '../evaluation/edited';
import { MemoryCatalog } from '../evaluation/MemoryCatalog';
import { syntheticRepositories } from '../evaluation/syntheticRepositories';

type Handler = Parameters<HttpRouterService['use']>[0];
type Request = Parameters<Handler>[0];
type Response = Parameters<Handler>[1];

/** The configuration, from code instead of app-config files. */
export const configFactory = (data: JsonObject) =>
  createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory: () => new ConfigReader(data, 'bench'),
  });

/** The catalog service every plugin gets: the generated organisation. */
export const catalogFactory = (catalog: MemoryCatalog) =>
  createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog.asService(),
  });

/** Repositories made up from their URL, in place of a Git host. */
export const urlReaderFactory = createServiceFactory({
  service: coreServices.urlReader,
  deps: {},
  factory: () => syntheticRepositories(),
});

function queryValues(req: Request, name: string): string[] {
  const value = req.query[name];
  if (value === undefined) {
    return [];
  }
  return [value].flat().map(String);
}

function sendJson(res: Response, body: unknown) {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

/**
 * The catalog's `GET /entities` (with `filter`) over the generated
 * organisation, for plugins that read the catalog over HTTP, as Tech
 * Insights' fact retrievers do through `CatalogClient`.
 */
export const memoryCatalogPlugin = (catalog: MemoryCatalog) =>
  createBackendPlugin({
    pluginId: 'catalog',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          httpRouter.use((req, res, next) => {
            if (req.method === 'GET' && req.path === '/entities') {
              sendJson(res, catalog.filter(queryValues(req, 'filter')));
              return;
            }
            next();
          });
        },
      });
    },
  });

/**
 * `POST /api/bench/change?share=0.02&round=N`: edits that share of the
 * components, as a day of catalog changes would, the same for the same
 * round in every process.
 */
export const benchControlPlugin = (catalog: MemoryCatalog) =>
  createBackendPlugin({
    pluginId: 'bench',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          httpRouter.use((req, res, next) => {
            if (req.method !== 'POST' || req.path !== '/change') {
              next();
              return;
            }
            const share = Number(req.query.share ?? 0.02);
            const round = Number(req.query.round ?? 1);
            const next_ = seededRandom(round * 7919);
            let changed = 0;
            for (const entity of catalog.all()) {
              if (entity.kind === 'Component' && next_() < share) {
                catalog.put(edited(entity, round));
                changed++;
              }
            }
            sendJson(res, { changed });
          });
        },
      });
    },
  });
