import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import { BadgeService } from '../badges/BadgeService';
import { spec } from '../schema/openapi/spec';
import { withRetryAfter } from './withRetryAfter';

type ValidatedRouter = ReturnType<
  typeof createValidatedOpenApiRouter<typeof spec>
>;

/** Signed-in users and services, who see what the catalog lets them read. */
const CALLERS = { allow: ['user', 'service'] as Array<'user' | 'service'> };

/**
 * Revoking is a person's act, from the badge dialog. Backstage's permission
 * client allows every service, so a service token would skip
 * `readiness.badge.revoke`: services are refused (403) instead.
 */
const USERS = { allow: ['user'] as Array<'user'> };

/**
 * Sends a badge. The SVG may only draw: no script runs and nothing loads
 * (`default-src 'none'`), and browsers take it for nothing but an image.
 */
function sendSvg(res: express.Response, svg: string, cacheControl: string) {
  res
    .status(200)
    .set({
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'",
    })
    .send(Buffer.from(svg, 'utf8'));
}

/**
 * Badges: `GET /entities/{kind}/{namespace}/{name}/badge?scorecard=` for
 * callers who may read the entity, `POST /badges` to get a public badge's
 * id and snippet, `DELETE /badges/{id}` for a user to revoke it (both
 * writes rate limited per caller, `readiness.badges.callerLimit`), and
 * `GET /public/badges/{id}`, which plugin.ts opens to
 * callers without a session when `readiness.badges.public` is on (only that
 * prefix: every other route refuses them before reading the request).
 */
export function addBadgeRoutes(
  router: ValidatedRouter,
  httpAuth: HttpAuthService,
  badges: BadgeService,
): void {
  router.get('/entities/:kind/:namespace/:name/badge', async (req, res) => {
    const credentials = await httpAuth.credentials(req, CALLERS);
    const { kind, namespace, name } = req.params;
    const svg = await badges.entityBadge(
      { kind, namespace, name },
      req.query.scorecard,
      credentials,
    );
    // For this caller only: another may not read the entity.
    sendSvg(res, svg, 'private, max-age=60');
  });

  router.post('/badges', async (req, res) => {
    const credentials = await httpAuth.credentials(req, CALLERS);
    const { entityRef, scorecard } = req.body;
    const badge = await withRetryAfter(res, () =>
      badges.create(entityRef, scorecard, credentials, req),
    );
    res.json({ ...badge });
  });

  router.delete('/badges/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, USERS);
    await withRetryAfter(res, () =>
      badges.revoke(req.params.id, credentials, req),
    );
    res.status(204).end();
  });

  router.get('/public/badges/:id', async (req, res) => {
    sendSvg(
      res,
      await badges.publicBadge(req.params.id),
      'public, max-age=300',
    );
  });
}
