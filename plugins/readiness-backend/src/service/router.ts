import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi/spec';
import { ScorecardPreview } from '../scorecards/ScorecardPreview';
import { ScorecardsService } from '../scorecards/ScorecardsService';
import { EntityReadinessService } from './EntityReadinessService';
import { ResultsListService } from './ResultsListService';

const DEFAULT_HISTORY_LIMIT = 100;
const DEFAULT_PAGE_SIZE = 50;

/** The REST API; requests are validated against src/schema/openapi.yaml. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  readiness: EntityReadinessService;
  scorecards: ScorecardsService;
  results: ResultsListService;
  preview: ScorecardPreview;
}): Promise<express.Router> {
  const { httpAuth, readiness, scorecards, results, preview } = options;
  const router = await createOpenApiRouter();

  router.post('/scorecards/preview', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await preview.preview(req.body.document, credentials));
  });

  router.get('/scorecards', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await scorecards.list());
  });

  router.get('/scorecards/:id', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user'] });
    const { scorecard, definition } = await scorecards.get(req.params.id);
    // The contract leaves the definition's shape to docs/scorecards.md.
    res.json({ scorecard, definition: { ...definition } });
  });

  router.get('/leaderboard', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user'] });
    const { scorecard, groupBy, orderBy, order, limit, offset } = req.query;
    res.json(
      await scorecards.leaderboard(scorecard, {
        groupBy,
        orderBy: orderBy ?? 'averageScore',
        order: order ?? 'desc',
        limit: limit ?? DEFAULT_PAGE_SIZE,
        offset: offset ?? 0,
      }),
    );
  });

  router.get('/results', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { scorecard, limit, offset, ...filter } = req.query;
    await scorecards.get(scorecard);
    res.json(
      await results.list(
        { scorecardId: scorecard, ...filter },
        { limit: limit ?? DEFAULT_PAGE_SIZE, offset: offset ?? 0 },
        credentials,
      ),
    );
  });

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
