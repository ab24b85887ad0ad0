/** Park–Miller: the same organisation for the same seed, so runs compare. */
export function seededRandom(seed: number): () => number {
  let state = seed % 0x7fffffff || 1;
  return () => {
    state = (state * 48271) % 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** One key of a share table, drawn in proportion to its share. */
export function pickWeighted(
  shares: Record<string, number>,
  next: () => number,
): string {
  const entries = Object.entries(shares);
  const total = entries.reduce((n, [, share]) => n + share, 0);
  let point = next() * total;
  for (const [key, share] of entries) {
    point -= share;
    if (point <= 0) {
      return key;
    }
  }
  return entries[entries.length - 1][0];
}
