import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { TooManyRequestsError } from '../api/CallerRateLimiter';
import { ownerScorecard } from '../__testUtils__/ownerScorecard';
import { recordingAuditor } from '../__testUtils__/recordingAuditor';
import { registryOf } from '../__testUtils__/registryOf';
import { BadgeStore, StoredBadge } from '../store/badges/BadgeStore';
import { BadgeService, BadgeServiceOptions } from './BadgeService';

const KNOWN = 'K'.repeat(32);
const NEW = 'N'.repeat(32);

const CHECKOUT = 'component:default/checkout';

/** A store with one badge until revoked, counting what it is asked. */
function countingStore(badge: StoredBadge) {
  let kept: StoredBadge | undefined = badge;
  const store: jest.Mocked<BadgeStore> = {
    findId: jest.fn<Promise<string | undefined>, [string, string]>(
      async () => kept?.id,
    ),
    getOrCreateId: jest.fn<
      Promise<{ id: string; created: boolean }>,
      [string, string, string]
    >(async () => ({ id: NEW, created: true })),
    subjectOf: jest.fn(async id =>
      id === kept?.id
        ? { entityRef: kept.entityRef, scorecardId: kept.scorecardId }
        : undefined,
    ),
    find: jest.fn(async id => (id === kept?.id ? kept : undefined)),
    revoke: jest.fn(async id => {
      const revoked = id === kept?.id;
      kept = undefined;
      return revoked;
    }),
    storedStanding: jest.fn(),
  };
  return store;
}

const LIMITS = { callerLimit: 20, callerWindowMs: 600_000, maxTracked: 100 };

function serviceWith(
  store: BadgeStore,
  isPublic = true,
  overrides: Partial<BadgeServiceOptions> = {},
) {
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
    limits: LIMITS,
    ...overrides,
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
  const REVOKE_EVENT = {
    eventId: 'badge-revoke',
    severityLevel: 'medium',
    meta: { entityRef: CHECKOUT, scorecard: 'ownership' },
  };

  it('audits making a badge only when a new id is minted, never the id', async () => {
    const store = countingStore(badge);
    const badges = serviceWith(store);

    await expect(
      badges.create(CHECKOUT, 'ownership', user),
    ).resolves.toMatchObject({ id: KNOWN });
    // One read, no write.
    expect(store.findId).toHaveBeenCalledTimes(1);
    expect(store.getOrCreateId).not.toHaveBeenCalled();
    expect(badges.events).toEqual([]);

    await store.revoke(KNOWN);
    await expect(
      badges.create(CHECKOUT, 'ownership', user),
    ).resolves.toMatchObject({ id: NEW });
    expect(store.findId).toHaveBeenCalledTimes(2);
    expect(store.getOrCreateId).toHaveBeenCalledTimes(1);
    expect(badges.events).toEqual([
      {
        eventId: 'badge-create',
        severityLevel: 'medium',
        meta: { entityRef: CHECKOUT, scorecard: 'ownership' },
        outcome: 'success',
      },
    ]);
    expect(JSON.stringify(badges.events)).not.toContain(NEW);
  });

  it("audits nothing when another caller's id won the race", async () => {
    const store = countingStore(badge);
    await store.revoke(KNOWN);
    store.getOrCreateId.mockResolvedValue({ id: KNOWN, created: false });
    const badges = serviceWith(store);

    await expect(
      badges.create(CHECKOUT, 'ownership', user),
    ).resolves.toMatchObject({ id: KNOWN });
    expect(badges.events).toEqual([]);
  });

  it('forgets a revoked badge at once on this replica, reading it no more', async () => {
    const store = countingStore(badge);
    const badges = serviceWith(store);
    await badges.publicBadge(KNOWN);

    await badges.revoke(KNOWN, user);

    await expect(badges.publicBadge(KNOWN)).rejects.toThrow(NotFoundError);
    // Revoking reads what the badge shows, without its standing.
    expect(store.subjectOf).toHaveBeenCalledTimes(1);
    expect(store.find).toHaveBeenCalledTimes(1);
    expect(badges.events).toEqual([{ ...REVOKE_EVENT, outcome: 'success' }]);
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

  it('answers 404 for an entity the caller may not read, auditing nothing', async () => {
    const store = countingStore(badge);
    const badges = serviceWith(store, true, {
      readiness: {
        visibleEntity: jest.fn(async () => {
          throw new NotFoundError(`${CHECKOUT} not found`);
        }),
        readinessOf: jest.fn(),
      },
    });

    await expect(badges.revoke(KNOWN, user)).rejects.toThrow(
      new NotFoundError('No such badge'),
    );
    expect(store.revoke).not.toHaveBeenCalled();
    expect(badges.events).toEqual([]);
  });

  it('answers 404 when another caller revoked the badge meanwhile, auditing the failure', async () => {
    const store = countingStore(badge);
    // Checked as a badge, gone by the time of the delete.
    store.revoke.mockResolvedValue(false);
    const badges = serviceWith(store);

    await expect(badges.revoke(KNOWN, user)).rejects.toThrow(
      new NotFoundError('No such badge'),
    );
    expect(store.revoke).toHaveBeenCalledWith(KNOWN);
    expect(badges.events).toEqual([
      { ...REVOKE_EVENT, outcome: 'fail', error: 'No such badge' },
    ]);
  });
});

describe('BadgeService link writes', () => {
  const badge: StoredBadge = {
    id: KNOWN,
    entityRef: CHECKOUT,
    scorecardId: 'ownership',
    standing: undefined,
  };
  const limits = { callerLimit: 2, callerWindowMs: 600_000, maxTracked: 100 };

  it('counts new ids and revocations per caller, not ids given again', async () => {
    const store = countingStore(badge);
    const badges = serviceWith(store, true, { limits });
    const ada = mockCredentials.user('user:default/ada');

    // The existing id, as often as asked.
    for (let i = 0; i < 3; i++) {
      await badges.create(CHECKOUT, 'ownership', ada);
    }
    await badges.revoke(KNOWN, ada);
    await badges.create(CHECKOUT, 'ownership', ada);

    const refused = badges.revoke(NEW, ada);
    await expect(refused).rejects.toThrow(TooManyRequestsError);
    await expect(refused).rejects.toMatchObject({
      statusCode: 429,
      retryAfterSeconds: 600,
    });
    // Refused before any read.
    expect(store.subjectOf).toHaveBeenCalledTimes(1);
    await expect(
      badges.revoke(NEW, mockCredentials.user('user:default/bo')),
    ).rejects.toThrow(NotFoundError);
  });

  it('refuses a new id beyond the limit before writing', async () => {
    const store = countingStore(badge);
    await store.revoke(KNOWN);
    const badges = serviceWith(store, true, { limits });
    const ada = mockCredentials.user('user:default/ada');
    await badges.create(CHECKOUT, 'ownership', ada);
    await badges.create(CHECKOUT, 'ownership', ada);

    await expect(badges.create(CHECKOUT, 'ownership', ada)).rejects.toThrow(
      TooManyRequestsError,
    );
    expect(store.getOrCreateId).toHaveBeenCalledTimes(2);
  });
});
