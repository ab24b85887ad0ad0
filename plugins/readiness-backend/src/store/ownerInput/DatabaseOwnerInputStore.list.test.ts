import { TestDatabases } from '@backstage/backend-test-utils';
import { storesOn } from '../../__testUtils__/testStores';
import {
  attestationRequest,
  decision,
  exemptionRequest,
} from '../../__testUtils__/ownerInputFixtures';
import { SCORECARD, scoreAt } from '../../__testUtils__/storeFixtures';
import { OwnerInputFilter, StoredOwnerInput } from './OwnerInputStore';

jest.setTimeout(60_000);

const A = 'component:default/a';
const B = 'component:default/b';
const C = 'component:default/c';
const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';

describe('DatabaseOwnerInputStore lists', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'lists by entity, scorecard, status, owner, end date and visibility, newest first, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const { ownerInput } = stores;
      // Owners as the latest results name them; c has no result.
      await scoreAt(
        stores.resultWriter,
        'a',
        '2026-12-01T00:00:00Z',
        50,
        null,
        {
          owner: TEAM_A,
        },
      );
      await scoreAt(
        stores.resultWriter,
        'b',
        '2026-12-01T00:00:00Z',
        50,
        null,
        {
          owner: TEAM_B,
        },
      );

      const names = new Map<string, string>();
      const request = async (
        name: string,
        day: number,
        given: Parameters<typeof exemptionRequest>[0],
        then?: (stored: StoredOwnerInput) => Promise<unknown>,
      ) => {
        const stored = await ownerInput.create(
          exemptionRequest({
            requestedAt: new Date(Date.UTC(2026, 11, day, 10)),
            ...given,
          }),
        );
        names.set(stored.id, name);
        await then?.(stored);
      };
      const approve = (stored: StoredOwnerInput) =>
        ownerInput.decide('exemption', stored.id, decision());
      await request('e1', 1, { entityRef: A });
      await request(
        'e2',
        2,
        { entityRef: A, subjects: ['alerts'], expiresAt: '2026-12-20' },
        approve,
      );
      await request('e3', 3, { entityRef: B }, approve);
      await request('e4', 4, { entityRef: B, subjects: ['slo'] }, stored =>
        ownerInput.decide('exemption', stored.id, decision({ approve: false })),
      );
      await request('e5', 5, { entityRef: A, scorecardId: 'security' });
      await request('e6', 6, { entityRef: C });
      const attestation = await ownerInput.create(
        attestationRequest({
          entityRef: A,
          requestedAt: new Date(Date.UTC(2026, 11, 7, 10)),
        }),
      );

      const list = async (filter: Partial<OwnerInputFilter>) =>
        (
          await ownerInput.list({ kind: 'exemption', limit: 100, ...filter })
        ).map(item => names.get(item.id));

      await expect(list({})).resolves.toEqual([
        'e6',
        'e5',
        'e4',
        'e3',
        'e2',
        'e1',
      ]);
      await expect(list({ limit: 2 })).resolves.toEqual(['e6', 'e5']);
      await expect(list({ entityRef: A })).resolves.toEqual(['e5', 'e2', 'e1']);
      await expect(list({ scorecardId: SCORECARD })).resolves.toEqual([
        'e6',
        'e4',
        'e3',
        'e2',
        'e1',
      ]);
      await expect(list({ status: 'pending' })).resolves.toEqual([
        'e6',
        'e5',
        'e1',
      ]);
      await expect(
        list({ entityRef: A, scorecardId: SCORECARD, status: 'pending' }),
      ).resolves.toEqual(['e1']);
      // The owner of the entity's result on the exemption's scorecard.
      await expect(list({ ownerRef: TEAM_A })).resolves.toEqual(['e2', 'e1']);
      await expect(list({ ownerRef: TEAM_B })).resolves.toEqual(['e4', 'e3']);
      await expect(list({ ownerRef: 'group:default/nobody' })).resolves.toEqual(
        [],
      );
      // Active ones ending by the day.
      await expect(list({ expiringBy: '2026-12-19' })).resolves.toEqual([]);
      await expect(list({ expiringBy: '2026-12-20' })).resolves.toEqual(['e2']);
      await expect(list({ expiringBy: '2027-01-31' })).resolves.toEqual([
        'e3',
        'e2',
      ]);
      // Only what the caller may read, also past one query's share of refs.
      await expect(list({ visible: new Set([A, C]) })).resolves.toEqual([
        'e6',
        'e5',
        'e2',
        'e1',
      ]);
      await expect(list({ visible: new Set() })).resolves.toEqual([]);
      const many = new Set(
        Array.from({ length: 1_200 }, (_, i) => `component:default/x${i}`),
      );
      many.add(A);
      many.add(B);
      await expect(list({ visible: many, limit: 3 })).resolves.toEqual([
        'e5',
        'e4',
        'e3',
      ]);
      await expect(
        list({ visible: many, ownerRef: TEAM_B, status: 'active' }),
      ).resolves.toEqual(['e3']);

      // Items come whole, and attestations are listed apart.
      const [e2] = await ownerInput.list({
        kind: 'exemption',
        expiringBy: '2026-12-20',
        limit: 10,
      });
      expect(e2).toMatchObject({
        subjects: ['alerts'],
        status: 'active',
        events: [{ action: 'requested' }, { action: 'approved' }],
      });
      await expect(
        ownerInput.list({ kind: 'attestation', limit: 10 }),
      ).resolves.toEqual([attestation]);
    },
  );
});
