import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { ownerScorecard } from '../__testUtils__/ownerScorecard';
import { recordingAuditor } from '../__testUtils__/recordingAuditor';
import { registryOf } from '../__testUtils__/registryOf';
import { BadgeStore, StoredBadge } from '../store/badges/BadgeStore';
import { BadgeService } from './BadgeService';

const KNOWN = 'K'.repeat(32);
const NEW = 'N'.repeat(32);

const CHECKOUT = 'component:default/checkout';

/** A store with one badge until revoked, counting what it is asked. */
function countingStore(badge: StoredBadge) {
  let kept: StoredBadge | undefined = badge;
  const store: jest.Mocked<BadgeStore> = {
    idOf: jest.fn<Promise<string | undefined>, [string, string]>(
      async () => kept?.id,
    ),
    idFor: jest.fn<
      Promise<{ id: string; created: boolean }>,
      [string, string, string]
    >(async () => ({ id: NEW, created: true })),
    find: jest.fn(async id => (id === kept?.id ? kept : undefined)),
    revoke: jest.fn(async id => {
      const revoked = id === kept?.id ? kept : undefined;
      kept = undefined;
      return revoked;
    }),
    storedStanding: jest.fn(),
  };
  return store;
}

function serviceWith(store: BadgeStore, isPublic = true) {
  const { auditor, events } = recordingAuditor();
  const badges = new BadgeService({
    registry: registryOf(ownerScorecard('ownership')),
    store,
    readiness: {
      visibleEntity: jest.fn(async ref => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: ref.kind,
        metadata: { name: ref.name, namespace: ref.namespace },
      })),
      readinessOf: jest.fn(),
    },
    settings: {
      public: isPublic,
      backendBaseUrl: 'https://backstage.example',
      appBaseUrl: 'https://backstage.example',
    },
    permissions: mockServices.permissions(),
    auditor,
  });
  // With the audit events it recorded.
  return Object.assign(badges, { events });
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

describe('BadgeService audits', () => {
  const badge: StoredBadge = {
    id: KNOWN,
    entityRef: CHECKOUT,
    scorecardId: 'ownership',
    standing: undefined,
  };
  const user = mockCredentials.user();

  it('audits making a badge only when a new id is minted, never the id', async () => {
    const store = countingStore(badge);
    const badges = serviceWith(store);

    await expect(
      badges.create(CHECKOUT, 'ownership', user),
    ).resolves.toMatchObject({ id: KNOWN });
    expect(badges.events).toEqual([]);

    await store.revoke(KNOWN);
    await expect(
      badges.create(CHECKOUT, 'ownership', user),
    ).resolves.toMatchObject({ id: NEW });
    expect(badges.events).toEqual([
      {
        eventId: 'badge-create',
        severityLevel: 'medium',
        meta: { entityRef: CHECKOUT, scorecard: 'ownership' },
        outcome: 'success',
        outcomeMeta: { created: true },
      },
    ]);
    expect(JSON.stringify(badges.events)).not.toContain(NEW);
  });

  it('forgets a revoked badge at once on this replica, reading it no more', async () => {
    const store = countingStore(badge);
    const badges = serviceWith(store);
    await badges.publicBadge(KNOWN);

    await badges.revoke(KNOWN, user);

    await expect(badges.publicBadge(KNOWN)).rejects.toThrow(NotFoundError);
    expect(store.find).toHaveBeenCalledTimes(2);
    expect(badges.events).toEqual([
      {
        eventId: 'badge-revoke',
        severityLevel: 'medium',
        meta: { entityRef: CHECKOUT, scorecard: 'ownership' },
        outcome: 'success',
      },
    ]);
    expect(JSON.stringify(badges.events)).not.toContain(KNOWN);
  });

  it('answers the same 404 for an unknown, malformed or revoked id, auditing none', async () => {
    const store = countingStore(badge);
    const badges = serviceWith(store, false);
    await badges.revoke(KNOWN, user);

    for (const id of [KNOWN, NEW, 'short']) {
      await expect(badges.revoke(id, user)).rejects.toThrow(
        new NotFoundError('No such badge'),
      );
    }
    expect(badges.events).toHaveLength(1);
  });
});
