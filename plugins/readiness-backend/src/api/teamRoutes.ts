import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi/spec';
import { TeamReadinessService } from '../teams/TeamReadinessService';

type ValidatedRouter = ReturnType<
  typeof createValidatedOpenApiRouter<typeof spec>
>;

/** Signed-in users and services, who see what the catalog lets them read. */
const CALLERS = { allow: ['user', 'service'] as Array<'user' | 'service'> };

/** The team view: `GET /groups/{namespace}/{name}?scorecard=`. */
export function addTeamRoutes(
  router: ValidatedRouter,
  httpAuth: HttpAuthService,
  teams: TeamReadinessService,
): void {
  router.get('/groups/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, CALLERS);
    const { namespace, name } = req.params;
    res.json(
      await teams.get({ namespace, name }, req.query.scorecard, credentials),
    );
  });
}
