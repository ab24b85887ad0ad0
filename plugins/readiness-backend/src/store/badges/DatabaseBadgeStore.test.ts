import { TestDatabases } from '@backstage/backend-test-utils';
import { SCORECARD, scoreAt } from '../../__testUtils__/storeFixtures';
import { createTestStores } from '../../__testUtils__/testStores';
import { BADGE_ID_PATTERN } from './badgeIds';
import { DatabaseBadgeStore } from './DatabaseBadgeStore';

jest.setTimeout(60_000);

const CHECKOUT = 'component:default/checkout';
const ADA = 'user:default/ada';
/** A well-formed id that no badge has. */
const UNKNOWN_ID = 'A'.repeat(32);

describe('DatabaseBadgeStore', () => {
  const databases = TestDatabases.create();

  async function storeOn(databaseId: Parameters<typeof createTestStores>[1]) {
    const { knex, stores } = await createTestStores(databases, databaseId);
    return { badges: new DatabaseBadgeStore(knex), stores };
  }

  it.each(databases.eachSupportedId())(
    'keeps one random id per entity and scorecard, %p',
    async databaseId => {
      const { badges } = await storeOn(databaseId);

      await expect(badges.findId(CHECKOUT, SCORECARD)).resolves.toBeUndefined();
      const { id, created } = await badges.getOrCreateId(
        CHECKOUT,
        SCORECARD,
        ADA,
      );
      expect(id).toMatch(BADGE_ID_PATTERN);
      expect(created).toBe(true);
      await expect(
        badges.getOrCreateId(CHECKOUT, SCORECARD, 'user:default/bo'),
      ).resolves.toEqual({ id, created: false });
      await expect(badges.findId(CHECKOUT, SCORECARD)).resolves.toBe(id);

      const other = await badges.getOrCreateId(CHECKOUT, 'api-quality', ADA);
      const another = await badges.getOrCreateId(
        'component:default/payments',
        SCORECARD,
        ADA,
      );
      expect(new Set([id, other.id, another.id]).size).toBe(3);

      await expect(badges.find(id)).resolves.toEqual({
        id,
        entityRef: CHECKOUT,
        scorecardId: SCORECARD,
        standing: undefined,
      });
      await expect(badges.find(UNKNOWN_ID)).resolves.toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'makes ids of 192 random bits, unrelated to the entity, %p',
    async databaseId => {
      const first = await storeOn(databaseId);
      const second = await storeOn(databaseId);

      const badges = [
        await first.badges.getOrCreateId(CHECKOUT, SCORECARD, ADA),
        await first.badges.getOrCreateId(CHECKOUT, 'api-quality', ADA),
        // The same entity and scorecard in another database: an id derived
        // from them would be the same.
        await second.badges.getOrCreateId(CHECKOUT, SCORECARD, ADA),
      ];
      const ids = badges.map(badge => badge.id);

      expect(new Set(ids).size).toBe(3);
      for (const id of ids) {
        expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
        expect(Buffer.from(id, 'base64url')).toHaveLength(24);
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'gives callers racing for the same badge the same id, %p',
    async databaseId => {
      const { badges } = await storeOn(databaseId);

      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          badges.getOrCreateId(CHECKOUT, SCORECARD, `user:default/u${i}`),
        ),
      );

      expect(new Set(results.map(r => r.id)).size).toBe(1);
      // Only the one whose insert won made it.
      expect(results.filter(r => r.created)).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads the stored score and level of an entity, never evaluating, %p',
    async databaseId => {
      const { badges, stores } = await storeOn(databaseId);
      await expect(
        badges.storedStanding(CHECKOUT, SCORECARD),
      ).resolves.toBeUndefined();

      await scoreAt(
        stores.resultWriter,
        'checkout',
        '2026-11-25T10:00:00.000Z',
        87.5,
        'silver',
      );

      await expect(badges.storedStanding(CHECKOUT, SCORECARD)).resolves.toEqual(
        { score: 87.5, level: 'silver' },
      );
      // A badge reads its standing with it.
      const { id } = await badges.getOrCreateId(CHECKOUT, SCORECARD, ADA);
      await expect(badges.find(id)).resolves.toMatchObject({
        standing: { score: 87.5, level: 'silver' },
      });
      await expect(
        badges.storedStanding(CHECKOUT, 'api-quality'),
      ).resolves.toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'revokes a badge: its id is gone and the next one is new, %p',
    async databaseId => {
      const { badges } = await storeOn(databaseId);
      const { id } = await badges.getOrCreateId(CHECKOUT, SCORECARD, ADA);
      const { id: other } = await badges.getOrCreateId(
        CHECKOUT,
        'api-quality',
        ADA,
      );

      await expect(badges.subjectOf(id)).resolves.toEqual({
        entityRef: CHECKOUT,
        scorecardId: SCORECARD,
      });
      await expect(badges.subjectOf(UNKNOWN_ID)).resolves.toBeUndefined();

      await expect(badges.revoke(id)).resolves.toBe(true);

      await expect(badges.find(id)).resolves.toBeUndefined();
      await expect(badges.subjectOf(id)).resolves.toBeUndefined();
      await expect(badges.findId(CHECKOUT, SCORECARD)).resolves.toBeUndefined();
      // Once only, and nothing else goes with it.
      await expect(badges.revoke(id)).resolves.toBe(false);
      await expect(badges.revoke(UNKNOWN_ID)).resolves.toBe(false);
      await expect(badges.find(other)).resolves.toMatchObject({
        scorecardId: 'api-quality',
      });
      const again = await badges.getOrCreateId(CHECKOUT, SCORECARD, ADA);
      expect(again.created).toBe(true);
      expect(again.id).not.toBe(id);
    },
  );

  it.each(databases.eachSupportedId())(
    'tells only one of callers racing to revoke a badge that it did, %p',
    async databaseId => {
      const { badges } = await storeOn(databaseId);
      const { id } = await badges.getOrCreateId(CHECKOUT, SCORECARD, ADA);

      const results = await Promise.all(
        Array.from({ length: 4 }, () => badges.revoke(id)),
      );

      expect(results.filter(Boolean)).toEqual([true]);
    },
  );
});
