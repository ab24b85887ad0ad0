import type { OwnerInputStore } from '@readiness/plugin-readiness-backend/context';
import {
  dayAfter,
  daysBefore,
  DEMO_OWNER_INPUT,
  DemoOwnerInput,
} from './demoOwnerInput';

/** Whether the plugin has no exemption nor attestation at all. */
async function isEmpty(store: OwnerInputStore): Promise<boolean> {
  const lists = await Promise.all(
    (['exemption', 'attestation'] as const).map(kind =>
      store.list({ kind, limit: 1 }),
    ),
  );
  return lists.every(list => list.length === 0);
}

/** Stores one demo item through the workflow's steps, as they happened. */
async function seedOne(
  store: OwnerInputStore,
  item: DemoOwnerInput,
  now: Date,
) {
  const { kind, approved, rejected, revoked } = item;
  const stored = await store.create({
    kind,
    entityRef: item.entityRef,
    scorecardId: item.scorecardId,
    subjects: item.subjects,
    text: item.text,
    ...(item.link && { link: item.link }),
    ...(item.endsInDays !== undefined && {
      expiresAt: dayAfter(now, item.endsInDays),
    }),
    requestedBy: item.requestedBy,
    requestedAt: daysBefore(now, item.requestedDaysAgo),
    status: kind === 'attestation' ? 'active' : 'pending',
  });
  const decision = approved ?? rejected;
  if (decision) {
    await store.decide(kind, stored.id, {
      approve: decision === approved,
      by: decision.by,
      at: daysBefore(now, decision.daysAgo),
      comment: decision.comment,
    });
  }
  if (revoked) {
    await store.revoke(kind, stored.id, {
      by: revoked.by,
      at: daysBefore(now, revoked.daysAgo),
      comment: revoked.comment,
    });
  }
}

/**
 * Seeds the demo exemptions and attestations into an empty store, so that a
 * restart on a kept database adds nothing; approved ones past their end
 * date become expired, as the expiry job would make them.
 *
 * @returns how many it stored: 0 when the store had some already
 */
export async function seedDemoOwnerInput(
  store: OwnerInputStore,
  now: Date = new Date(),
): Promise<number> {
  if (!(await isEmpty(store))) {
    return 0;
  }
  for (const item of DEMO_OWNER_INPUT) {
    await seedOne(store, item, now);
  }
  await store.expireExemptions(dayAfter(now, 0), now);
  return DEMO_OWNER_INPUT.length;
}
