/** How long and how many ids a {@link RecentlyUnknownIds} keeps. */
export interface RecentlyUnknownIdsLimits {
  ttlMs: number;
  /** Beyond, the oldest go. */
  maxEntries: number;
}

/**
 * Ids recently found to be no badge, for a short while: a README that
 * still shows a badge taken back costs no database read per view. Kept
 * apart from the badges themselves, so that however many made-up ids
 * anonymous callers send, they push out only each other.
 */
export class RecentlyUnknownIds {
  /** Expiry by id, oldest first. */
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly limits: RecentlyUnknownIdsLimits,
    private readonly now: () => number = Date.now,
  ) {}

  has(id: string): boolean {
    const expiresAt = this.expiries.get(id);
    if (expiresAt === undefined) {
      return false;
    }
    if (expiresAt > this.now()) {
      return true;
    }
    this.expiries.delete(id);
    return false;
  }

  add(id: string): void {
    this.expiries.delete(id);
    this.expiries.set(id, this.now() + this.limits.ttlMs);
    for (const oldest of this.expiries.keys()) {
      if (this.expiries.size <= this.limits.maxEntries) {
        break;
      }
      this.expiries.delete(oldest);
    }
  }

  /** How many ids are kept; for tests. */
  get size(): number {
    return this.expiries.size;
  }
}
