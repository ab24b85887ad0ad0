import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi/spec';
import { EntityReadinessService } from './EntityReadinessService';

const DEFAULT_HISTORY_LIMIT = 100;

/** The REST API; requests are validated against src/schema/openapi.yaml. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  readiness: EntityReadinessService;
}): Promise<express.Router> {
  const { httpAuth, readiness } = options;
  const router = await createOpenApiRouter();

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await readiness.get(req.params, credentials));
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { kind, namespace, name } = req.params;
    res.json(
      await readiness.history({ kind, namespace, name }, credentials, {
        limit: req.query.limit ?? DEFAULT_HISTORY_LIMIT,
      }),
    );
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await readiness.refresh(req.params, credentials));
  });

  return router;
}
