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

jest.setTimeout(60_000);

describe('DatabaseOwnerInputStore transitions', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'approves, shortening the end date, or rejects, with the decision event, %p',
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const approved = await stores.ownerInput.create(exemptionRequest());
      const rejected = await stores.ownerInput.create(
        exemptionRequest({ subjects: ['alerts'] }),
      );

      await expect(
        stores.ownerInput.decide(
          'exemption',
          approved.id,
          decision({ expiresAt: '2027-01-15' }),
        ),
      ).resolves.toMatchObject({
        status: 'active',
        expiresAt: '2027-01-15',
        decidedBy: BOB,
        decidedAt: new Date('2026-12-08T09:30:00.456Z'),
        decisionComment: 'Accepted until the migration',
        events: [
          { action: 'requested', actor: ALICE },
          {
            action: 'approved',
            actor: BOB,
            at: '2026-12-08T09:30:00.456Z',
            comment: 'Accepted until the migration',
          },
        ],
      });

      const refusal = await stores.ownerInput.decide(
        'exemption',
        rejected.id,
        decision({
          approve: false,
          by: CAROL,
          comment: 'Alerts are *required*',
          expiresAt: '2026-12-20',
        }),
      );
      expect(refusal).toMatchObject({
        status: 'rejected',
        // A rejection leaves the requested end date alone.
        expiresAt: '2027-01-31',
        decidedBy: CAROL,
        decisionComment: 'Alerts are *required*',
      });
      expect(refusal!.events.map(e => e.action)).toEqual([
        'requested',
        'rejected',
      ]);
      await expect(
        stores.ownerInput.get('exemption', rejected.id),
      ).resolves.toEqual(refusal);
    },
  );

  it.each(databases.eachSupportedId())(
    'records exactly one of two racing decisions, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const request = await stores.ownerInput.create(exemptionRequest());

      const outcomes = await Promise.all([
        stores.ownerInput.decide('exemption', request.id, decision()),
        stores.ownerInput.decide(
          'exemption',
          request.id,
          decision({ approve: false, by: CAROL, comment: 'No' }),
        ),
      ]);

      const recorded = outcomes.filter(outcome => outcome !== undefined);
      expect(recorded).toHaveLength(1);
      const decisions = await knex('readiness_owner_input_events')
        .where({ owner_input_id: request.id })
        .whereIn('action', ['approved', 'rejected'])
        .select('action', 'actor');
      expect(decisions).toHaveLength(1);
      expect(recorded[0]!.decidedBy).toBe(decisions[0].actor);
      await expect(
        stores.ownerInput.get('exemption', request.id),
      ).resolves.toEqual(recorded[0]);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes nothing for a decision on what is not pending, %p',
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const request = await stores.ownerInput.create(exemptionRequest());
      const decided = await stores.ownerInput.decide(
        'exemption',
        request.id,
        decision(),
      );

      for (const late of [
        decision({ by: CAROL }),
        decision({ approve: false, by: CAROL }),
      ]) {
        await expect(
          stores.ownerInput.decide('exemption', request.id, late),
        ).resolves.toBeUndefined();
      }
      await expect(
        stores.ownerInput.get('exemption', request.id),
      ).resolves.toEqual(decided);

      const pending = await stores.ownerInput.create(
        exemptionRequest({ subjects: ['alerts'] }),
      );
      // Not an attestation, and not there at all.
      await expect(
        stores.ownerInput.decide('attestation', pending.id, decision()),
      ).resolves.toBeUndefined();
      await expect(
        stores.ownerInput.decide('exemption', 'no-such-id', decision()),
      ).resolves.toBeUndefined();
      await expect(
        stores.ownerInput.get('exemption', pending.id),
      ).resolves.toEqual(pending);
    },
  );

  it.each(databases.eachSupportedId())(
    'revokes what is pending or active, not what was rejected, %p',
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const revokedAt = new Date('2026-12-10T08:00:00.789Z');
      const pending = await stores.ownerInput.create(exemptionRequest());
      const active = await stores.ownerInput.create(
        exemptionRequest({ subjects: ['alerts'] }),
      );
      await stores.ownerInput.decide('exemption', active.id, decision());
      const rejected = await stores.ownerInput.create(
        exemptionRequest({ subjects: ['slo'] }),
      );
      const rejection = await stores.ownerInput.decide(
        'exemption',
        rejected.id,
        decision({ approve: false }),
      );

      await expect(
        stores.ownerInput.revoke('exemption', pending.id, {
          by: ALICE,
          at: revokedAt,
        }),
      ).resolves.toMatchObject({
        status: 'revoked',
        closedBy: ALICE,
        closedAt: revokedAt,
        closeComment: null,
        events: [
          { action: 'requested' },
          { action: 'revoked', actor: ALICE, at: revokedAt.toISOString() },
        ],
      });
      const revoked = await stores.ownerInput.revoke('exemption', active.id, {
        by: BOB,
        at: revokedAt,
        comment: 'Runbook is back',
      });
      expect(revoked).toMatchObject({
        status: 'revoked',
        decidedBy: BOB,
        closedBy: BOB,
        closeComment: 'Runbook is back',
      });
      expect(revoked!.events.map(e => [e.action, e.comment])).toEqual([
        ['requested', undefined],
        ['approved', 'Accepted until the migration'],
        ['revoked', 'Runbook is back'],
      ]);

      for (const id of [rejected.id, pending.id]) {
        await expect(
          stores.ownerInput.revoke('exemption', id, { by: BOB, at: revokedAt }),
        ).resolves.toBeUndefined();
      }
      await expect(
        stores.ownerInput.get('exemption', rejected.id),
      ).resolves.toEqual(rejection);
      // A revoked request no longer holds its check.
      await expect(
        stores.ownerInput.create(exemptionRequest()),
      ).resolves.toMatchObject({ status: 'pending' });
    },
  );

  it.each(databases.eachSupportedId())(
    'expires active and pending exemptions whose end date has passed, once, %p',
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const { ownerInput } = stores;
      const approve = async (subject: string, expiresAt: string) => {
        const request = await ownerInput.create(
          exemptionRequest({ subjects: [subject], expiresAt }),
        );
        return (await ownerInput.decide('exemption', request.id, decision()))!;
      };
      const ended = await approve('runbook', '2026-12-09');
      const endedEarlier = await approve('alerts', '2026-11-30');
      await approve('slo', '2026-12-10'); // its last day is today
      await approve('docs', '2027-01-31');
      const stalePending = await ownerInput.create(
        exemptionRequest({ subjects: ['oncall'], expiresAt: '2026-12-01' }),
      );
      const revoked = await approve('tracing', '2026-12-01');
      await ownerInput.revoke('exemption', revoked.id, {
        by: BOB,
        at: new Date('2026-12-05T00:00:00Z'),
      });
      await ownerInput.create(attestationRequest());

      const at = new Date('2026-12-10T00:05:00.001Z');
      const expired = await ownerInput.expireExemptions('2026-12-10', at);

      expect(expired.map(e => e.id)).toEqual([
        endedEarlier.id,
        stalePending.id,
        ended.id,
      ]);
      for (const exemption of expired) {
        expect(exemption).toMatchObject({
          status: 'expired',
          closedBy: null,
          closedAt: at,
          decidedBy: exemption.id === stalePending.id ? null : BOB,
        });
        expect(exemption.events[exemption.events.length - 1]).toEqual({
          action: 'expired',
          actor: null,
          at: at.toISOString(),
        });
        await expect(
          ownerInput.get('exemption', exemption.id),
        ).resolves.toEqual(exemption);
      }
      await expect(
        ownerInput.expireExemptions('2026-12-10', at),
      ).resolves.toEqual([]);
      // The expired request no longer blocks a new one for its check.
      await expect(
        ownerInput.create(
          exemptionRequest({ subjects: ['oncall'], expiresAt: '2026-12-20' }),
        ),
      ).resolves.toMatchObject({ status: 'pending' });
      const stillActive = await ownerInput.activeFor(ENTITY);
      expect(stillActive.map(a => a.subjects[0]).sort()).toEqual([
        'docs',
        'dr-rehearsed',
        'slo',
      ]);
    },
  );
});
