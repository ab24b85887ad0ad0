/** How long and how much an {@link ExpiringCache} keeps. */
export interface ExpiringCacheLimits {
  /** How long a value is used from when its load started. */
  ttlMs: number;
  /** The most keys kept; beyond, the least recently used go. */
  maxEntries: number;
  /**
   * The most weight kept, all loaded values together (see `weigh`); beyond,
   * the least recently used go. A value heavier than this is not kept.
   */
  maxWeight: number;
}

interface Entry<V> {
  value: Promise<V>;
  expiresAt: number;
  weight: number;
}

/**
 * Values by key for a short while, loaded once however many callers ask at
 * the same time: a caller that asks while a load is under way waits for
 * that load. A failed load is not kept. Bounded by keys and by weight,
 * least recently used first out.
 */
export class ExpiringCache<V> {
  /** In order of use, least recent first. */
  private readonly entries = new Map<string, Entry<V>>();
  private weight = 0;

  constructor(
    private readonly limits: ExpiringCacheLimits,
    private readonly weigh: (value: V) => number = () => 0,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value of `key`, from `load` if none is kept or it expired. */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.now();
    const kept = this.entries.get(key);
    if (kept) {
      this.remove(key, kept);
      if (kept.expiresAt > now) {
        this.entries.set(key, kept);
        return kept.value;
      }
    }
    const entry: Entry<V> = {
      value: load(),
      expiresAt: now + this.limits.ttlMs,
      weight: 0,
    };
    this.entries.set(key, entry);
    this.evict();
    entry.value.then(
      value => {
        if (this.entries.get(key) !== entry) {
          return;
        }
        entry.weight = this.weigh(value);
        this.weight += entry.weight;
        if (entry.weight > this.limits.maxWeight) {
          this.remove(key, entry);
        }
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) {
          this.remove(key, entry);
        }
      },
    );
    return entry.value;
  }

  /**
   * Forgets `key` at once, so that the next `get` loads it; a load under
   * way for it is not kept either.
   */
  delete(key: string): void {
    const kept = this.entries.get(key);
    if (kept) {
      this.remove(key, kept);
    }
  }

  /** How many keys are kept; for tests. */
  get size(): number {
    return this.entries.size;
  }

  private remove(key: string, entry: Entry<V>) {
    this.entries.delete(key);
    this.weight -= entry.weight;
  }

  private evict() {
    const { maxEntries, maxWeight } = this.limits;
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= maxEntries && this.weight <= maxWeight) {
        break;
      }
      this.remove(key, entry);
    }
  }
}
