import { NotFoundError } from '@backstage/errors';
import { ownerScorecard } from '../__testUtils__/ownerScorecard';
import { registryOf } from '../__testUtils__/registryOf';
import { BadgeStore, StoredBadge } from '../store/badges/BadgeStore';
import { BadgeService } from './BadgeService';

const KNOWN = 'K'.repeat(32);

/** A store with one badge, counting what it is asked. */
function countingStore(badge: StoredBadge) {
  const store: jest.Mocked<BadgeStore> = {
    idFor: jest.fn(),
    find: jest.fn(async id => (id === badge.id ? badge : undefined)),
    storedStanding: jest.fn(),
  };
  return store;
}

function serviceWith(store: BadgeStore, isPublic = true) {
  return new BadgeService({
    registry: registryOf(ownerScorecard('ownership')),
    store,
    readiness: { visibleEntity: jest.fn(), readinessOf: jest.fn() },
    settings: {
      public: isPublic,
      backendBaseUrl: 'https://backstage.example',
      appBaseUrl: 'https://backstage.example',
    },
  });
}

describe('BadgeService.publicBadge', () => {
  const badge: StoredBadge = {
    id: KNOWN,
    entityRef: 'component:default/checkout',
    scorecardId: 'ownership',
    standing: { score: 100, level: 'bronze' },
  };

  it('reads a badge and its standing once, then serves it from memory', async () => {
    const store = countingStore(badge);
    const badges = serviceWith(store);

    const first = await badges.publicBadge(KNOWN);
    expect(first).toContain('<title>ownership: Bronze · 100%</title>');
    await expect(badges.publicBadge(KNOWN)).resolves.toBe(first);

    expect(store.find).toHaveBeenCalledTimes(1);
    expect(store.storedStanding).not.toHaveBeenCalled();
  });

  it('remembers unknown ids apart, so that made-up ids cannot push badges out', async () => {
    const store = countingStore(badge);
    const badges = serviceWith(store);
    await badges.publicBadge(KNOWN);

    // More made-up ids than either cache keeps.
    const madeUp = Array.from({ length: 12_000 }, (_, i) =>
      `${i}`.padStart(32, 'u'),
    );
    for (const id of madeUp) {
      await expect(badges.publicBadge(id)).rejects.toThrow(NotFoundError);
    }
    await expect(badges.publicBadge(madeUp.at(-1)!)).rejects.toThrow(
      NotFoundError,
    );
    await badges.publicBadge(KNOWN);

    // One read per made-up id, none for the last one asked again, and the
    // badge is still in memory.
    expect(store.find).toHaveBeenCalledTimes(1 + madeUp.length);
    // The oldest made-up ids are forgotten: asking again reads again.
    await expect(badges.publicBadge(madeUp[0])).rejects.toThrow(NotFoundError);
    expect(store.find).toHaveBeenCalledTimes(2 + madeUp.length);
  });

  it('reads nothing for a malformed id or while public badges are off', async () => {
    const store = countingStore(badge);

    await expect(serviceWith(store).publicBadge('short')).rejects.toThrow(
      NotFoundError,
    );
    await expect(serviceWith(store, false).publicBadge(KNOWN)).rejects.toThrow(
      NotFoundError,
    );
    expect(store.find).not.toHaveBeenCalled();
  });
});
