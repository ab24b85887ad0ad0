import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { checkout } from '../__testUtils__/catalogEntities';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';
import {
  attest,
  ADA,
  approveOnlyByGroup,
  as,
  BO,
  groupMembership,
  OPS_CONFIG,
} from '../__testUtils__/workflowFixtures';
import { createReadinessStores } from '../store';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** A backend on SQLite, with its stores for setting up what the API cannot. */
async function backendWithStores() {
  const knex = await databases.init('SQLITE_3');
  const { server } = await startReadinessBackend({
    entities: [checkout],
    config: OPS_CONFIG,
    knex,
    userInfo: groupMembership,
    permissions: approveOnlyByGroup,
  });
  const stores = await createReadinessStores({
    database: mockServices.database({ knex }),
  });
  return { server, stores };
}

describe('readiness API: exemption and attestation life cycles', () => {
  it('refuses a decision without a comment, and an approval after the end date', async () => {
    const { server, stores } = await backendWithStores();
    // A request nobody decided before its end date (the expiry job had not
    // run yet).
    const stale = await stores.ownerInput.create({
      kind: 'exemption',
      entityRef: 'component:default/checkout',
      scorecardId: 'ops',
      subjects: ['tagged'],
      text: 'Old request',
      expiresAt: '2026-01-31',
      requestedBy: ADA,
      requestedAt: new Date('2026-01-02T00:00:00Z'),
      status: 'pending',
    });
    const decide = (body: object) =>
      request(server)
        .post(`/api/readiness/exemptions/${stale.id}/decision`)
        .set('Authorization', as(BO))
        .send(body);

    const silent = await decide({ decision: 'approve', comment: '  ' });
    expect(silent.status).toBe(400);
    expect(silent.body.error.message).toBe('comment: a decision must say why');
    const late = await decide({ decision: 'approve', comment: 'Fine' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain(
      'ended on 2026-01-31 before it was approved',
    );
    await decide({ decision: 'reject', comment: 'Too late' }).expect(200);
  });

  it('closes the earlier attestation of a practice when it is attested again', async () => {
    const { server } = await backendWithStores();
    const attestAs = (statement: string) =>
      attest(server, ADA, { statement }).expect(201);
    const first = await attestAs('Rehearsed in spring');
    const second = await attestAs('Rehearsed in autumn');

    const listed = await request(server)
      .get('/api/readiness/attestations')
      .query({ entity: 'component:default/checkout' })
      .set('Authorization', as(ADA))
      .expect(200);
    const statuses = Object.fromEntries(
      listed.body.items.map((a: { id: string; status: string }) => [
        a.id,
        a.status,
      ]),
    );
    expect(statuses).toEqual({
      [first.body.id]: 'revoked',
      [second.body.id]: 'active',
    });
    const closed = listed.body.items.find(
      (a: { id: string }) => a.id === first.body.id,
    );
    expect(closed.closeComment).toBe(
      `Superseded by attestation ${second.body.id}`,
    );
  });
});
