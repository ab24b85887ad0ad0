import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/** Whether the user may read the entity; everyone may by default. */
export type ReadRule = (entity: Entity, userEntityRef: string) => boolean;

async function jsonBody(req: NodeJS.ReadableStream): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(Buffer.from(chunk));
  }
  return chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString()) : {};
}

/**
 * A catalog plugin over HTTP with these entities, answering the reads the
 * readiness plugin makes through its catalog client (`by-refs`, and empty
 * lists for the rest). Users read what `canRead` lets them, services all,
 * so that a test sees whether readiness asked as the user.
 */
export function standInCatalog(entities: Entity[], canRead?: ReadRule) {
  const byRef = new Map(
    entities.map(e => [stringifyEntityRef(e).toLowerCase(), e]),
  );
  return createBackendPlugin({
    pluginId: 'catalog',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          httpRouter.use(async (req, res, next) => {
            try {
              const credentials = await httpAuth.credentials(req);
              const { principal } = credentials as {
                principal: { type: string; userEntityRef?: string };
              };
              const visible = (e: Entity | undefined) =>
                e &&
                (principal.type !== 'user' ||
                  !canRead ||
                  canRead(e, principal.userEntityRef!))
                  ? e
                  : null;
              if (req.method === 'POST' && req.path === '/entities/by-refs') {
                const { entityRefs } = await jsonBody(req);
                res.json({
                  items: (entityRefs as string[]).map(ref =>
                    visible(byRef.get(ref.toLowerCase())),
                  ),
                });
              } else if (req.path === '/entities/by-query') {
                res.json({ items: [], totalItems: 0, pageInfo: {} });
              } else if (req.path === '/entities') {
                res.json([]);
              } else {
                res.status(404).json({ error: { name: 'NotFoundError' } });
              }
            } catch (error) {
              next(error);
            }
          });
        },
      });
    },
  });
}
