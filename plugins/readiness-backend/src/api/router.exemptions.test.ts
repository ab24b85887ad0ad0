import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { checkout } from '../__testUtils__/catalogEntities';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';
import {
  inDays,
  requestExemption,
  checkOf,
  opsOf,
  ADA,
  approveOnlyByGroup,
  as,
  BO,
  CY,
  groupMembership,
  OPS_CONFIG,
} from '../__testUtils__/workflowFixtures';

jest.setTimeout(120_000);

const ENTITY_URL = '/api/readiness/entities/component/default/checkout';

describe('readiness API: exemptions', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'requests, decides once, waives, and revokes, recording every step, %p',
    async databaseId => {
      const { server } = await startReadinessBackend({
        entities: [checkout],
        config: OPS_CONFIG,
        knex: await databases.init(databaseId),
        userInfo: groupMembership,
        permissions: approveOnlyByGroup,
      });
      const before = await request(server)
        .get(ENTITY_URL)
        .set('Authorization', as(ADA))
        .expect(200);
      expect(checkOf(before.body, 'tagged').status).toBe('fail');

      const created = await requestExemption(server, ADA, {
        reason: 'Tags come with the **new** pipeline',
        expiresAt: inDays(20),
        link: 'https://tickets.example.com/OPS-1',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'pending',
        checks: ['tagged'],
        requestedBy: ADA,
        actions: ['revoke'],
        events: [{ action: 'requested', actor: ADA }],
      });
      const { id } = created.body;

      const again = await requestExemption(server, ADA, {
        reason: 'Again',
        expiresAt: inDays(5),
      });
      expect(again.status).toBe(400);
      expect(again.body.error.message).toContain(
        `checks: "tagged" already has a pending request (${id})`,
      );

      const listed = await request(server)
        .get('/api/readiness/exemptions')
        .query({ entity: 'component:default/checkout' })
        .set('Authorization', as(BO));
      expect(listed.body.error).toBeUndefined();
      expect(listed.body.items).toHaveLength(1);
      expect(listed.body.items[0].actions).toEqual(['decide', 'revoke']);

      const decision = { decision: 'approve', comment: 'Accepted' };
      const own = await request(server)
        .post(`/api/readiness/exemptions/${id}/decision`)
        .set('Authorization', as(ADA))
        .send(decision);
      expect(own.status).toBe(403);
      const outsider = await request(server)
        .post(`/api/readiness/exemptions/${id}/decision`)
        .set('Authorization', as(CY))
        .send(decision);
      expect(outsider.status).toBe(403);

      // Two approvals at once: one decides, the other learns it was late.
      const racing = await Promise.all(
        [decision, decision].map(body =>
          request(server)
            .post(`/api/readiness/exemptions/${id}/decision`)
            .set('Authorization', as(BO))
            .send(body),
        ),
      );
      expect(racing.map(r => r.status).sort()).toEqual([200, 409]);
      const decided = await request(server)
        .get(`/api/readiness/exemptions/${id}`)
        .set('Authorization', as(ADA))
        .expect(200);
      expect(
        decided.body.events.filter((e: { action: string }) =>
          ['approved', 'rejected'].includes(e.action),
        ),
      ).toHaveLength(1);
      expect(decided.body.status).toBe('active');

      const waived = await request(server)
        .get(ENTITY_URL)
        .set('Authorization', as(ADA))
        .expect(200);
      expect(checkOf(waived.body, 'tagged')).toMatchObject({
        status: 'waived',
        waiver: {
          source: 'exemption',
          exemptionId: id,
          requestedBy: ADA,
          approvedBy: BO,
        },
      });
      expect(opsOf(waived.body).score).toBeGreaterThan(
        opsOf(before.body).score,
      );

      const revoked = await request(server)
        .post(`/api/readiness/exemptions/${id}/revoke`)
        .set('Authorization', as(ADA))
        .send({ comment: 'Tags are there' });
      expect(revoked.status).toBe(200);
      expect(revoked.body.status).toBe('revoked');
      const after = await request(server)
        .get(ENTITY_URL)
        .set('Authorization', as(ADA))
        .expect(200);
      expect(checkOf(after.body, 'tagged').status).toBe('fail');

      const history = await request(server)
        .get(`${ENTITY_URL}/history`)
        .set('Authorization', as(ADA))
        .expect(200);
      const causes = history.body.changes.map(
        (c: { cause: string; note?: string }) => [c.cause, c.note],
      );
      expect(causes.slice(0, 2)).toEqual([
        ['exemption', expect.stringContaining(`exemption ${id} ended`)],
        [
          'exemption',
          expect.stringContaining(`exemption ${id} approved by ${BO}`),
        ],
      ]);

      await request(server)
        .post(`/api/readiness/exemptions/${id}/revoke`)
        .set('Authorization', as(ADA))
        .send({})
        .expect(409);
    },
  );
});

describe('readiness API: exemption requests that are refused', () => {
  const send = async (body: object, user = ADA) => {
    const { server } = await startReadinessBackend({
      entities: [checkout],
      config: OPS_CONFIG,
    });
    return requestExemption(server, user, body);
  };

  it.each([
    [{ expiresAt: inDays(-1) }, 'expiresAt: ', 'is in the past'],
    [{ expiresAt: inDays(31) }, 'expiresAt: ', 'more than 30 days away'],
    [{ expiresAt: '2027-02-30' }, 'expiresAt: ', 'is not a date'],
    [{ expiresAt: 'soon' }, 'expiresAt', ''],
    [{ checks: ['nope'] }, 'checks[0]: ', 'has no check "nope"'],
    [{ checks: ['tagged', 'described'] }, 'checks[1]: ', 'is pass'],
    [{ checks: ['tiered'] }, 'checks[0]: ', 'exemptible: false'],
    [{ checks: [] }, 'checks', ''],
    [{ scorecard: 'nope' }, 'scorecard: ', 'no scorecard "nope"'],
    [{ reason: '   ' }, 'reason: ', 'must not be empty'],
    [{ link: 'ftp://files.example.com/x' }, 'link', ''],
    [{ entityRef: 'not a ref:' }, 'entityRef', ''],
  ])('answers 400 naming the field for %j', async (body, field, why) => {
    const res = await send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
    expect(res.body.error.message).toContain(why);
  });

  it('answers 404 for an entity the user may not read', async () => {
    const res = await send({ entityRef: 'component:default/hidden' });
    expect(res.status).toBe(404);
  });

  it('answers 403 without readiness.exemption.request', async () => {
    const { server } = await startReadinessBackend({
      entities: [checkout],
      config: OPS_CONFIG,
      permissions: mockServices.permissions.factory({ result: 'DENY' as any }),
    });
    const res = await requestExemption(server, ADA);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('readiness.exemption.request');
  });
});
