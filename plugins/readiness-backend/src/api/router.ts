import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi/spec';
import type { RequestServices } from './buildRequestServices';
import { jsonBodyParser, specWithDocumentLimit } from './documentSizeLimit';
import { addCampaignRoutes } from './campaignRoutes';
import { addOwnerInputRoutes } from './ownerInputRoutes';
import { withRetryAfter } from './withRetryAfter';
import { addTeamRoutes } from './teamRoutes';
import { addPushedFactsRoutes } from './pushedFactsRoutes';
import { addBadgeRoutes } from './badgeRoutes';
import { addDraftRoutes } from './draftRoutes';

const DEFAULT_HISTORY_LIMIT = 100;
const DEFAULT_PAGE_SIZE = 50;
const DEFAULT_TREND_DAYS = 30;

/**
 * Signed-in users, and services such as a CI pipeline with a static token;
 * both see what the catalog lets them read. Services refresh and preview
 * only when `readiness.serviceAccess` names them (ServiceAccessPolicy).
 */
const CALLERS = { allow: ['user', 'service'] as Array<'user' | 'service'> };

/** The REST API; requests are validated against src/schema/openapi.yaml. */
export async function createRouter(
  options: RequestServices & { httpAuth: HttpAuthService },
): Promise<express.Router> {
  const { httpAuth, readiness, scorecards, leaderboard, results } = options;
  const { preview, visibility } = options;
  const { maxDocumentBytes } = options;
  const router = createValidatedOpenApiRouter<typeof spec>(
    specWithDocumentLimit(maxDocumentBytes),
    { middleware: [jsonBodyParser(maxDocumentBytes)] },
  );

  /** The caller's credentials and the entities their aggregates cover. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any typed route
  const visibleTo = async (req: express.Request<any, any, any, any>) =>
    visibility.visibleEntityRefs(await httpAuth.credentials(req, CALLERS));

  router.post('/scorecards/preview', async (req, res) => {
    const credentials = await httpAuth.credentials(req, CALLERS);
    res.status(202).json(await preview.start(req.body.document, credentials));
  });

  router.get('/scorecards/preview/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, CALLERS);
    res.json(await preview.get(req.params.id, credentials));
  });

  router.get('/scorecards', async (req, res) => {
    res.json(await scorecards.list(await visibleTo(req)));
  });

  router.get('/scorecards/:id', async (req, res) => {
    const details = await scorecards.get(req.params.id, await visibleTo(req));
    // The contract leaves the definition's shape to docs/scorecards.md.
    res.json({ ...details, definition: { ...details.definition } });
  });

  router.get('/leaderboard', async (req, res) => {
    const credentials = await httpAuth.credentials(req, CALLERS);
    const { scorecard, orderBy, order, periodDays, limit, offset, ...query } =
      req.query;
    const { rollup, ...rest } = query;
    res.json(
      await leaderboard.leaderboard(
        scorecard,
        {
          ...rest,
          orderBy: orderBy ?? 'averageScore',
          order: order ?? 'desc',
          periodDays: periodDays ?? DEFAULT_TREND_DAYS,
          limit: limit ?? DEFAULT_PAGE_SIZE,
          offset: offset ?? 0,
        },
        await visibility.visibleEntityRefs(credentials),
        rollup
          ? async () =>
              (await options.hierarchy.forCaller(credentials)).rollup()
          : undefined,
      ),
    );
  });

  router.get('/results', async (req, res) => {
    const credentials = await httpAuth.credentials(req, CALLERS);
    const { scorecard, limit, cursor, ...filter } = req.query;
    scorecards.requireScorecard(scorecard);
    res.json(
      await results.list(
        { scorecardId: scorecard, ...filter },
        { limit: limit ?? DEFAULT_PAGE_SIZE, cursor },
        credentials,
      ),
    );
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, CALLERS);
    res.json(await readiness.get(req.params, credentials));
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req, CALLERS);
    const { kind, namespace, name } = req.params;
    res.json(
      await readiness.history({ kind, namespace, name }, credentials, {
        limit: req.query.limit ?? DEFAULT_HISTORY_LIMIT,
      }),
    );
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req, CALLERS);
    res.json(
      await withRetryAfter(res, () =>
        readiness.refresh(req.params, credentials),
      ),
    );
  });

  addOwnerInputRoutes(router, httpAuth, options.ownerInput);
  addTeamRoutes(router, httpAuth, options.teams);
  addCampaignRoutes(router, httpAuth, visibility, options.campaigns);
  addPushedFactsRoutes(router, httpAuth, options.pushedFacts);
  addBadgeRoutes(router, httpAuth, options.badges);
  addDraftRoutes(router, httpAuth, options.drafts);

  return router;
}
