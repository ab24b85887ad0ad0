import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import type { FactsPushService } from '../pushedFacts/FactsPushService';
import { spec } from '../schema/openapi/spec';
import { withRetryAfter } from './withRetryAfter';

type ValidatedRouter = ReturnType<
  typeof createValidatedOpenApiRouter<typeof spec>
>;

/**
 * Users are let through to be told, with a 403, that pipelines push facts
 * with a service token; the service decides.
 */
const CALLERS = { allow: ['user', 'service'] as Array<'user' | 'service'> };

/** Facts pushed by pipelines: `POST /facts`, rate limited per service. */
export function addPushedFactsRoutes(
  router: ValidatedRouter,
  httpAuth: HttpAuthService,
  pushedFacts: FactsPushService,
): void {
  router.post('/facts', async (req, res) => {
    const credentials = await httpAuth.credentials(req, CALLERS);
    const pushed = await withRetryAfter(res, () =>
      pushedFacts.push(req.body, { credentials, request: req }),
    );
    res.status(201).json(pushed);
  });
}
