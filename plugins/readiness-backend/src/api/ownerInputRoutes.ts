import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import type { OwnerInputServices } from '../ownerInput/ownerInputServices';
import { spec } from '../schema/openapi/spec';

type ValidatedRouter = ReturnType<
  typeof createValidatedOpenApiRouter<typeof spec>
>;

/** Signed-in users and services may read; the workflow itself wants users. */
const CALLERS = { allow: ['user', 'service'] as Array<'user' | 'service'> };

/**
 * The contract composes records with `allOf`, which types them with an
 * index signature; a spread copy (a type literal) satisfies it.
 */
function plain<T extends object>(record: T): { [K in keyof T]: T[K] } {
  return { ...record };
}

/**
 * The routes of exemptions (`/exemptions`) and attestations
 * (`/attestations`): the same workflow under two paths.
 */
export function addOwnerInputRoutes(
  router: ValidatedRouter,
  httpAuth: HttpAuthService,
  { reader, workflow }: OwnerInputServices,
): void {
  const credentialsOf = (req: Parameters<typeof httpAuth.credentials>[0]) =>
    httpAuth.credentials(req, CALLERS);

  router.post('/exemptions', async (req, res) => {
    const created = await workflow.request(
      'exemption',
      req.body,
      await credentialsOf(req),
      req,
    );
    res.status(201).json(plain(created));
  });

  router.get('/exemptions', async (req, res) => {
    const items = await reader.list(
      'exemption',
      req.query,
      await credentialsOf(req),
    );
    res.json({ items: items.map(plain) });
  });

  router.get('/exemptions/:id', async (req, res) => {
    const { id } = req.params;
    res.json(
      plain(await reader.get('exemption', id, await credentialsOf(req))),
    );
  });

  router.post('/exemptions/:id/decision', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { id } = req.params;
    res.json(
      plain(await workflow.decide('exemption', id, req.body, credentials, req)),
    );
  });

  router.post('/exemptions/:id/revoke', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { id } = req.params;
    const body = req.body ?? {};
    res.json(
      plain(await workflow.revoke('exemption', id, body, credentials, req)),
    );
  });

  router.post('/attestations', async (req, res) => {
    const created = await workflow.request(
      'attestation',
      req.body,
      await credentialsOf(req),
      req,
    );
    res.status(201).json(plain(created));
  });

  router.get('/attestations', async (req, res) => {
    const items = await reader.list(
      'attestation',
      req.query,
      await credentialsOf(req),
    );
    res.json({ items: items.map(plain) });
  });

  router.get('/attestations/:id', async (req, res) => {
    const { id } = req.params;
    res.json(
      plain(await reader.get('attestation', id, await credentialsOf(req))),
    );
  });

  router.post('/attestations/:id/decision', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { id } = req.params;
    res.json(
      plain(
        await workflow.decide('attestation', id, req.body, credentials, req),
      ),
    );
  });

  router.post('/attestations/:id/revoke', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { id } = req.params;
    const body = req.body ?? {};
    res.json(
      plain(await workflow.revoke('attestation', id, body, credentials, req)),
    );
  });
}
