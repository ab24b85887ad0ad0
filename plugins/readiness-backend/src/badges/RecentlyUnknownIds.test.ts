import { RecentlyUnknownIds } from './RecentlyUnknownIds';

describe('RecentlyUnknownIds', () => {
  it('keeps an id for its time, and the newest ids when full', () => {
    let now = 0;
    const ids = new RecentlyUnknownIds(
      { ttlMs: 1_000, maxEntries: 2 },
      () => now,
    );

    ids.add('a');
    now = 999;
    expect(ids.has('a')).toBe(true);
    now = 1_000;
    expect(ids.has('a')).toBe(false);
    expect(ids.size).toBe(0);

    ids.add('a');
    ids.add('b');
    ids.add('a');
    ids.add('c');
    // `a` was added again after `b`, so `b` is the oldest and goes.
    expect([ids.has('a'), ids.has('b'), ids.has('c')]).toEqual([
      true,
      false,
      true,
    ]);
    expect(ids.size).toBe(2);
  });
});
