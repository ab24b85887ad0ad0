import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { CampaignService } from '../campaigns/CampaignService';
import { spec } from '../schema/openapi/spec';
import { CatalogVisibility } from './CatalogVisibility';

type ValidatedRouter = ReturnType<
  typeof createValidatedOpenApiRouter<typeof spec>
>;

/** Signed-in users and services, who see what the catalog lets them read. */
const CALLERS = { allow: ['user', 'service'] as Array<'user' | 'service'> };

const DEFAULT_PAGE_SIZE = 50;

/**
 * The campaigns (`/campaigns`, `/campaigns/{name}`) and an entity's
 * campaigns (`/entities/{kind}/{namespace}/{name}/campaigns`).
 */
export function addCampaignRoutes(
  router: ValidatedRouter,
  httpAuth: HttpAuthService,
  visibility: CatalogVisibility,
  campaigns: CampaignService,
): void {
  const visibleTo = async (req: Parameters<typeof httpAuth.credentials>[0]) =>
    visibility.visibleEntityRefs(await httpAuth.credentials(req, CALLERS));

  router.get('/campaigns', async (req, res) => {
    res.json(await campaigns.list(await visibleTo(req)));
  });

  router.get('/campaigns/:name', async (req, res) => {
    const { status, owner, limit, cursor } = req.query;
    const details = await campaigns.details(
      req.params.name,
      {
        status: status ?? 'open',
        owner,
        limit: limit ?? DEFAULT_PAGE_SIZE,
        cursor,
      },
      await visibleTo(req),
    );
    // The contract leaves the definition's shape to docs/campaigns.md.
    res.json({ ...details, definition: { ...details.definition } });
  });

  router.get('/entities/:kind/:namespace/:name/campaigns', async (req, res) => {
    const credentials = await httpAuth.credentials(req, CALLERS);
    res.json(await campaigns.entityCampaigns(req.params, credentials));
  });
}
