import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { checkout } from '../__testUtils__/catalogEntities';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';
import {
  attest,
  inDays,
  requestExemption,
  checkOf,
  ADA,
  approveOnlyByGroup,
  as,
  BO,
  CY,
  groupMembership,
  OPS_CONFIG,
} from '../__testUtils__/workflowFixtures';

jest.setTimeout(60_000);

const ENTITY_URL = '/api/readiness/entities/component/default/checkout';

describe('readiness API: attestations', () => {
  it('makes an attested check pass at once, until the attestation is withdrawn', async () => {
    const { server } = await startReadinessBackend({
      entities: [checkout],
      config: OPS_CONFIG,
      userInfo: groupMembership,
      permissions: approveOnlyByGroup,
    });
    const before = await request(server)
      .get(ENTITY_URL)
      .set('Authorization', as(ADA))
      .expect(200);
    expect(checkOf(before.body, 'dr')).toMatchObject({ status: 'unknown' });

    const unknown = await attest(server, ADA, {
      attestation: 'load-tested',
      statement: 'We did',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain(
      'attestation: no check of scorecard ops accepts attestation "load-tested" (it accepts dr-rehearsed)',
    );

    const attested = await attest(server, ADA, {
      statement: 'Failed over to **eu-west-2** on 2026-11-30',
      link: 'https://wiki.example.com/dr',
    });
    expect(attested.status).toBe(201);
    // The scorecard does not ask for confirmation: active at once.
    expect(attested.body).toMatchObject({
      status: 'active',
      attestation: 'dr-rehearsed',
      actions: ['revoke'],
    });
    const after = await request(server)
      .get(ENTITY_URL)
      .set('Authorization', as(ADA))
      .expect(200);
    expect(checkOf(after.body, 'dr')).toMatchObject({
      status: 'pass',
      basis: 'attested',
    });

    // Neither the owner group nor the author: may not withdraw it.
    await request(server)
      .post(`/api/readiness/attestations/${attested.body.id}/revoke`)
      .set('Authorization', as(CY))
      .send({})
      .expect(403);
    await request(server)
      .post(`/api/readiness/attestations/${attested.body.id}/revoke`)
      .set('Authorization', as(BO))
      .send({ comment: 'The rehearsal skipped the database' })
      .expect(200);
    const withdrawn = await request(server)
      .get(ENTITY_URL)
      .set('Authorization', as(ADA))
      .expect(200);
    expect(checkOf(withdrawn.body, 'dr').status).toBe('unknown');
    const history = await request(server)
      .get(`${ENTITY_URL}/history`)
      .set('Authorization', as(ADA))
      .expect(200);
    expect(history.body.changes[0]).toMatchObject({
      cause: 'attestation',
      checks: [{ check: 'dr', before: 'pass', after: 'unknown' }],
    });
  });
});

describe('readiness API: exemptions of entities a user may not read', () => {
  it('hides them from lists and by id, and refuses to act on them', async () => {
    const catalog = catalogServiceMock({ entities: [checkout] });
    // cy may read nothing: the catalog answers them as if it were empty.
    const isCy = (options?: object) =>
      (
        (options as { credentials?: BackstageCredentials } | undefined)
          ?.credentials?.principal as { userEntityRef?: string } | undefined
      )?.userEntityRef === CY;
    const byRef = catalog.getEntityByRef.bind(catalog);
    const query = catalog.queryEntities.bind(catalog);
    const stream = catalog.streamEntities.bind(catalog);
    jest
      .spyOn(catalog, 'getEntityByRef')
      .mockImplementation(async (ref, options) =>
        isCy(options) ? undefined : byRef(ref, options as any),
      );
    jest
      .spyOn(catalog, 'queryEntities')
      .mockImplementation(async (req, options) =>
        isCy(options)
          ? { items: [], totalItems: 0, pageInfo: {} }
          : query(req, options as any),
      );
    jest
      .spyOn(catalog, 'streamEntities')
      .mockImplementation((req, options) =>
        isCy(options)
          ? (async function* none() {})()
          : stream(req, options as any),
      );
    const { server } = await startReadinessBackend({
      catalog,
      config: OPS_CONFIG,
      userInfo: groupMembership,
    });
    const created = await requestExemption(server, ADA, {
      reason: 'Secret plans',
      expiresAt: inDays(5),
    }).expect(201);
    const { id } = created.body;

    const seen = await request(server)
      .get('/api/readiness/exemptions')
      .set('Authorization', as(BO))
      .expect(200);
    expect(seen.body.items.map((e: { id: string }) => e.id)).toEqual([id]);
    const hidden = await request(server)
      .get('/api/readiness/exemptions')
      .set('Authorization', as(CY))
      .expect(200);
    expect(hidden.body.items).toEqual([]);
    await request(server)
      .get(`/api/readiness/exemptions/${id}`)
      .set('Authorization', as(CY))
      .expect(404);
    await request(server)
      .post(`/api/readiness/exemptions/${id}/decision`)
      .set('Authorization', as(CY))
      .send({ decision: 'approve', comment: 'ok' })
      .expect(404);
  });
});
