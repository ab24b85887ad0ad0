import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { DraftEntityEvaluator } from '../drafts/DraftEntityEvaluator';
import { spec } from '../schema/openapi/spec';
import { withRetryAfter } from './withRetryAfter';

type ValidatedRouter = ReturnType<
  typeof createValidatedOpenApiRouter<typeof spec>
>;

/** Signed-in users and services: a draft's owner is looked up as them. */
const CALLERS = { allow: ['user', 'service'] as Array<'user' | 'service'> };

/**
 * `POST /entities/evaluate`: a draft entity's readiness, stored nowhere.
 * The body is bounded by the router's JSON limit, the entity and what
 * requests may cost by the evaluator (`readiness.limits.scorecards`,
 * `readiness.drafts`).
 */
export function addDraftRoutes(
  router: ValidatedRouter,
  httpAuth: HttpAuthService,
  drafts: DraftEntityEvaluator,
): void {
  router.post('/entities/evaluate', async (req, res) => {
    const credentials = await httpAuth.credentials(req, CALLERS);
    res.json(
      await withRetryAfter(res, () =>
        drafts.evaluateRequest(req.body, credentials),
      ),
    );
  });
}
