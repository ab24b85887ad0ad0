import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  PUBLIC_BADGES,
  startBadgeBackend,
  UNKNOWN_BADGE_ID,
} from '../__testUtils__/badgeFixtures';
import { hideFromUsers } from '../__testUtils__/hideFromUsers';
import { recordingAuditor } from '../__testUtils__/recordingAuditor';
import { DatabaseBadgeStore } from '../store/badges/DatabaseBadgeStore';

jest.setTimeout(60_000);

const CHECKOUT = 'component:default/checkout';
const ANONYMOUS = mockCredentials.none.header();
const AUDITED = { entityRef: CHECKOUT, scorecard: 'ownership' };

/** Makes checkout's public badge as the default user; its id. */
async function createBadge(server: Parameters<typeof request>[0]) {
  const { body } = await request(server)
    .post('/api/readiness/badges')
    .send({ entityRef: CHECKOUT, scorecard: 'ownership' })
    .expect(200);
  return body.id as string;
}

describe('readiness API: revoking a public badge', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  afterEach(() => jest.restoreAllMocks());

  it('stops serving the id, and the next badge gets a new one; both audited without the id', async () => {
    const audit = recordingAuditor();
    const { server } = await startBadgeBackend({
      public: true,
      auditor: audit.factory,
    });
    const id = await createBadge(server);
    // Asking again gives the same id and mints nothing.
    expect(await createBadge(server)).toBe(id);
    await request(server)
      .get(`${PUBLIC_BADGES}/${id}`)
      .set('Authorization', ANONYMOUS)
      .expect(200);

    const revoke = await request(server).delete(`/api/readiness/badges/${id}`);

    expect(revoke.status).toBe(204);
    expect(revoke.text).toBe('');
    const gone = await request(server)
      .get(`${PUBLIC_BADGES}/${id}`)
      .set('Authorization', ANONYMOUS);
    expect(gone.status).toBe(404);
    expect(gone.body.error.name).toBe('NotFoundError');
    // Once only.
    await request(server).delete(`/api/readiness/badges/${id}`).expect(404);
    const newId = await createBadge(server);
    expect(newId).not.toBe(id);
    await request(server)
      .get(`${PUBLIC_BADGES}/${newId}`)
      .set('Authorization', ANONYMOUS)
      .expect(200);

    expect(
      audit.events.map(({ eventId, meta, outcome, outcomeMeta }) => ({
        eventId,
        meta,
        outcome,
        outcomeMeta,
      })),
    ).toEqual([
      {
        eventId: 'badge-create',
        meta: AUDITED,
        outcome: 'success',
        outcomeMeta: undefined,
      },
      {
        eventId: 'badge-revoke',
        meta: AUDITED,
        outcome: 'success',
        outcomeMeta: undefined,
      },
      {
        eventId: 'badge-create',
        meta: AUDITED,
        outcome: 'success',
        outcomeMeta: undefined,
      },
    ]);
    // The id is the secret: the auditor records the route, not the URL.
    expect(audit.events[1].request).toBe('DELETE /api/readiness/badges/:id');
    expect(JSON.stringify(audit.events)).not.toContain(id);
    expect(JSON.stringify(audit.events)).not.toContain(newId);
  });

  it('records the route, not the id, however the id is written', async () => {
    const audit = recordingAuditor();
    const { server } = await startBadgeBackend({
      public: true,
      auditor: audit.factory,
    });
    const id = await createBadge(server);
    // Percent-encoded, the id stays so in the request's URL.
    const encoded = [...id]
      .map(c => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
      .join('');

    await request(server)
      .delete(`/api/readiness/badges/${encoded}`)
      .expect(204);

    const revoke = audit.events.find(e => e.eventId === 'badge-revoke')!;
    expect(revoke.request).toBe('DELETE /api/readiness/badges/:id');
    const recorded = JSON.stringify(audit.events);
    // No 8 letters of the id in a row, plain or encoded.
    for (let at = 0; at + 8 <= id.length; at++) {
      expect(recorded).not.toContain(id.slice(at, at + 8));
      expect(recorded).not.toContain(encoded.slice(at * 3, (at + 8) * 3));
    }
  });

  it('refuses a service token, and lets a user revoke while public badges are off', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startBadgeBackend({ public: false, knex });
    // A badge made while they were on.
    const { id } = await new DatabaseBadgeStore(knex).getOrCreateId(
      CHECKOUT,
      'ownership',
      'user:default/ada',
    );

    // The permission framework allows every service: revoking is a user's.
    const refused = await request(server)
      .delete(`/api/readiness/badges/${id}`)
      .set('Authorization', mockCredentials.service.header());
    expect(refused.status).toBe(403);
    expect(refused.body.error.name).toBe('NotAllowedError');
    await expect(new DatabaseBadgeStore(knex).find(id)).resolves.toMatchObject({
      id,
    });

    await request(server)
      .delete(`/api/readiness/badges/${id}`)
      .set('Authorization', mockCredentials.user.header())
      .expect(204);
    await expect(
      new DatabaseBadgeStore(knex).find(id),
    ).resolves.toBeUndefined();
  });

  it('answers 404 to a caller who may not read the entity, as for an unknown id, auditing neither', async () => {
    const audit = recordingAuditor();
    const { server, catalog } = await startBadgeBackend({
      public: true,
      auditor: audit.factory,
    });
    const id = await createBadge(server);
    hideFromUsers(catalog, e => e.metadata.name === 'checkout');

    const hidden = await request(server).delete(`/api/readiness/badges/${id}`);
    const unknown = await request(server).delete(
      `/api/readiness/badges/${UNKNOWN_BADGE_ID}`,
    );

    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(hidden.body.error).toEqual(unknown.body.error);
    expect(hidden.body.error.message).toBe('No such badge');
    expect(audit.events.map(e => e.eventId)).toEqual(['badge-create']);
    // Not revoked.
    await request(server)
      .get(`${PUBLIC_BADGES}/${id}`)
      .set('Authorization', ANONYMOUS)
      .expect(200);
  });

  it('answers 403 naming the permission without readiness.badge.revoke, and audits the refusal', async () => {
    const audit = recordingAuditor();
    const { server } = await startBadgeBackend({
      public: true,
      auditor: audit.factory,
      permissions: mockServices.permissions.factory({
        result: AuthorizeResult.DENY,
      }),
    });
    const id = await createBadge(server);

    const denied = await request(server).delete(`/api/readiness/badges/${id}`);

    expect(denied.status).toBe(403);
    expect(denied.body.error.name).toBe('NotAllowedError');
    expect(denied.body.error.message).toBe(
      `You may not revoke the badges of ${CHECKOUT} (readiness.badge.revoke)`,
    );
    await request(server)
      .get(`${PUBLIC_BADGES}/${id}`)
      .set('Authorization', ANONYMOUS)
      .expect(200);
    expect(audit.events.at(-1)).toMatchObject({
      eventId: 'badge-revoke',
      meta: AUDITED,
      outcome: 'fail',
    });
  });

  it('answers 400 for a malformed id and 401 without a session', async () => {
    const { server } = await startBadgeBackend({ public: true });
    const id = await createBadge(server);

    for (const malformed of ['short', 'a'.repeat(65), `${'a'.repeat(30)}%27`]) {
      const res = await request(server).delete(
        `/api/readiness/badges/${malformed}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
    }
    await request(server)
      .delete(`/api/readiness/badges/${id}`)
      .set('Authorization', ANONYMOUS)
      .expect(401);
    await request(server)
      .get(`${PUBLIC_BADGES}/${id}`)
      .set('Authorization', ANONYMOUS)
      .expect(200);
  });
});
