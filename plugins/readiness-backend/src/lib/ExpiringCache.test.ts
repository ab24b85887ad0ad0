import { ExpiringCache } from './ExpiringCache';

describe('ExpiringCache', () => {
  let now = 0;
  const clock = () => now;
  const limits = { ttlMs: 30_000, maxEntries: 3, maxWeight: 100 };
  beforeEach(() => {
    now = 0;
  });

  /** A load that counts its calls and answers `value`. */
  function counting<V>(value: V) {
    const load = jest.fn(async () => value);
    return load;
  }

  it('loads once for callers asking at the same time, until the value expires', async () => {
    const cache = new ExpiringCache<string>(limits, undefined, clock);
    const load = counting('groups');

    await expect(
      Promise.all([cache.get('ada', load), cache.get('ada', load)]),
    ).resolves.toEqual(['groups', 'groups']);
    expect(load).toHaveBeenCalledTimes(1);

    now = 29_999;
    await cache.get('ada', load);
    expect(load).toHaveBeenCalledTimes(1);
    now = 30_000;
    await cache.get('ada', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps each key apart', async () => {
    const cache = new ExpiringCache<string>(limits, undefined, clock);
    await expect(cache.get('ada', async () => 'a')).resolves.toBe('a');
    await expect(cache.get('bob', async () => 'b')).resolves.toBe('b');
    await expect(cache.get('ada', async () => 'other')).resolves.toBe('a');
  });

  it('forgets the least recently used key beyond the most keys', async () => {
    const cache = new ExpiringCache<string>(limits, undefined, clock);
    for (const key of ['a', 'b', 'c']) {
      await cache.get(key, async () => key);
    }
    // "a" is used again: "b" is now the least recently used.
    await cache.get('a', async () => 'reloaded');
    await cache.get('d', async () => 'd');

    expect(cache.size).toBe(3);
    await expect(cache.get('a', async () => 'reloaded')).resolves.toBe('a');
    await expect(cache.get('b', async () => 'reloaded')).resolves.toBe(
      'reloaded',
    );
  });

  it('keeps at most the most weight, and no value heavier than it', async () => {
    const cache = new ExpiringCache<number>(limits, value => value, clock);
    await cache.get('a', async () => 60);
    await cache.get('b', async () => 30);
    await cache.get('c', async () => 30);
    // 120 > 100: "a" goes.
    expect(cache.size).toBe(2);
    await expect(cache.get('a', async () => 0)).resolves.toBe(0);

    await expect(cache.get('huge', async () => 101)).resolves.toBe(101);
    await expect(cache.get('huge', async () => 1)).resolves.toBe(1);
  });

  it('does not keep a failed load', async () => {
    const cache = new ExpiringCache<string>(limits, undefined, clock);
    await expect(
      cache.get('ada', async () => {
        throw new Error('catalog unavailable');
      }),
    ).rejects.toThrow('catalog unavailable');
    await expect(cache.get('ada', async () => 'groups')).resolves.toBe(
      'groups',
    );
  });

  it('forgets a deleted key at once, with its weight', async () => {
    const cache = new ExpiringCache<number>(limits, value => value, clock);
    await cache.get('a', async () => 60);
    await cache.get('b', async () => 30);

    cache.delete('a');
    cache.delete('unknown');

    expect(cache.size).toBe(1);
    await expect(cache.get('a', async () => 1)).resolves.toBe(1);
    // Its weight went with it: 30 + 1 + 60 fits.
    await cache.get('c', async () => 60);
    await expect(cache.get('b', async () => 0)).resolves.toBe(30);
  });
});
