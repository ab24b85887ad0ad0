import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestStores } from '../../__testUtils__/testStores';
import {
  ALICE,
  attestationRequest,
  BOB,
  CAROL,
  decision,
  ENTITY,
  exemptionRequest,
} from '../../__testUtils__/ownerInputFixtures';
import { SCORECARD } from '../../__testUtils__/storeFixtures';
import { PendingRequestExistsError } from './OwnerInputStore';

jest.setTimeout(60_000);

describe('DatabaseOwnerInputStore requests', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'stores a request and reads it back with its requested event, %p',
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const created = await stores.ownerInput.create(
        exemptionRequest({ subjects: ['runbook', 'alerts', 'runbook'] }),
      );

      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        kind: 'exemption',
        entityRef: ENTITY,
        scorecardId: SCORECARD,
        subjects: ['alerts', 'runbook'],
        text: 'Runbook moves to the **new wiki** next sprint',
        link: 'https://tickets.example.com/OPS-1',
        expiresAt: '2027-01-31',
        status: 'pending',
        requestedBy: ALICE,
        requestedAt: new Date('2026-12-07T10:00:00.123Z'),
        decidedBy: null,
        decidedAt: null,
        decisionComment: null,
        closedBy: null,
        closedAt: null,
        closeComment: null,
        events: [
          {
            action: 'requested',
            actor: ALICE,
            at: '2026-12-07T10:00:00.123Z',
          },
        ],
      });
      await expect(
        stores.ownerInput.get('exemption', created.id),
      ).resolves.toEqual(created);
      // An exemption is not an attestation, and unknown ids are nothing.
      await expect(
        stores.ownerInput.get('attestation', created.id),
      ).resolves.toBeUndefined();
      await expect(
        stores.ownerInput.get('exemption', 'no-such-id'),
      ).resolves.toBeUndefined();

      const unlinked = await stores.ownerInput.create(
        exemptionRequest({ subjects: ['slo'], link: undefined }),
      );
      expect(unlinked.link).toBeNull();
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a second pending request for a check, and only for that check, %p',
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const first = await stores.ownerInput.create(exemptionRequest());

      const second = stores.ownerInput.create(
        exemptionRequest({ subjects: ['alerts', 'runbook'], requestedBy: BOB }),
      );
      await expect(second).rejects.toThrow(PendingRequestExistsError);
      await expect(second).rejects.toMatchObject({
        subject: 'runbook',
        pendingId: first.id,
      });

      // Another check of the scorecard, the same check of another entity
      // or scorecard, and an attestation named like the check are free.
      await stores.ownerInput.create(
        exemptionRequest({ subjects: ['alerts'] }),
      );
      await stores.ownerInput.create(
        exemptionRequest({ entityRef: 'component:default/cart' }),
      );
      await stores.ownerInput.create(
        exemptionRequest({ scorecardId: 'security' }),
      );
      await stores.ownerInput.create(
        attestationRequest({ subjects: ['runbook'], status: 'pending' }),
      );

      // Once the first is rejected, the check can be asked for again.
      await stores.ownerInput.decide(
        'exemption',
        first.id,
        decision({ approve: false }),
      );
      const again = await stores.ownerInput.create(exemptionRequest());
      expect(again.status).toBe('pending');
      // Approved, it no longer holds the check either.
      await stores.ownerInput.decide('exemption', again.id, decision());
      await expect(
        stores.ownerInput.create(exemptionRequest()),
      ).resolves.toMatchObject({ status: 'pending' });
    },
  );

  it.each(databases.eachSupportedId())(
    'lets exactly one of racing requests for a check be pending, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const outcomes = await Promise.allSettled(
        [ALICE, BOB, CAROL, 'user:default/dave'].map((requestedBy, i) =>
          stores.ownerInput.create(
            exemptionRequest({
              requestedBy,
              // Overlapping in different orders: the same locks, or none.
              subjects:
                i % 2 === 0 ? ['runbook', 'alerts'] : ['alerts', 'runbook'],
            }),
          ),
        ),
      );

      const created = outcomes.flatMap(outcome =>
        outcome.status === 'fulfilled' ? [outcome.value] : [],
      );
      expect(created).toHaveLength(1);
      const refused = outcomes.flatMap(outcome =>
        outcome.status === 'rejected' ? [outcome.reason] : [],
      );
      expect(refused).toHaveLength(3);
      for (const error of refused) {
        expect(error).toBeInstanceOf(PendingRequestExistsError);
        expect(error).toMatchObject({ pendingId: created[0].id });
      }
      const [{ n }] = await knex('readiness_owner_inputs').count({ n: '*' });
      expect(Number(n)).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps attestations through the same workflow, %p',
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const { ownerInput } = stores;

      // Given without confirmation: active at once, and again later.
      const first = await ownerInput.create(attestationRequest());
      expect(first).toMatchObject({
        kind: 'attestation',
        status: 'active',
        subjects: ['dr-rehearsed'],
        expiresAt: null,
        events: [{ action: 'requested', actor: ALICE }],
      });
      const renewed = await ownerInput.create(
        attestationRequest({
          requestedAt: new Date('2026-12-09T10:00:00Z'),
        }),
      );

      // To be confirmed: one pending at a time, then confirmed.
      const toConfirm = await ownerInput.create(
        attestationRequest({
          subjects: ['load-tested'],
          status: 'pending',
          requestedAt: new Date('2026-12-08T10:00:00Z'),
        }),
      );
      await expect(
        ownerInput.create(
          attestationRequest({ subjects: ['load-tested'], status: 'pending' }),
        ),
      ).rejects.toMatchObject({
        subject: 'load-tested',
        pendingId: toConfirm.id,
      });
      await expect(
        ownerInput.decide('exemption', toConfirm.id, decision()),
      ).resolves.toBeUndefined();
      await expect(
        ownerInput.decide('attestation', toConfirm.id, decision()),
      ).resolves.toMatchObject({ status: 'active', decidedBy: BOB });
      await ownerInput.create(
        attestationRequest({ entityRef: 'component:default/cart' }),
      );
      // Attestations do not expire by date: their age is the engine's.
      await expect(
        ownerInput.expireExemptions('2030-01-01', new Date()),
      ).resolves.toEqual([]);

      const active = await ownerInput.activeFor(ENTITY);
      expect(active.map(a => a.id)).toEqual([
        renewed.id,
        toConfirm.id,
        first.id,
      ]);
      await expect(
        ownerInput.revoke('attestation', first.id, {
          by: BOB,
          at: new Date('2026-12-10T00:00:00Z'),
        }),
      ).resolves.toMatchObject({ status: 'revoked' });
      expect((await ownerInput.activeFor(ENTITY)).map(a => a.id)).toEqual([
        renewed.id,
        toConfirm.id,
      ]);
    },
  );
});
