/**
 * Optimal string alignment distance: Levenshtein plus transposition of two
 * adjacent characters, the commonest typing slip (`weigth`).
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (__, j) => (i === 0 ? j : i)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate `word` was most likely meant to be, if any is close enough:
 * within 2 edits or a third of the word's length, ignoring case. A candidate
 * that shares no character position with the word (`x` vs `id`) is a
 * replacement, not a slip, so it is never suggested.
 */
export function closestMatch(
  word: string,
  candidates: Iterable<string>,
): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (
      distance < bestDistance &&
      distance <= limit &&
      distance < Math.max(word.length, candidate.length)
    ) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === word ? undefined : best;
}

/**
 * What to add after "unknown …": the close candidate, or else all of them so
 * the reader need not look them up, e.g. ` (did you mean "weight"?)` or
 * ` (levels: bronze, silver)`.
 */
export function hint(
  word: string,
  candidates: readonly string[],
  label: string,
): string {
  const match = closestMatch(word, candidates);
  if (match !== undefined) {
    return ` (did you mean "${match}"?)`;
  }
  return candidates.length > 0 ? ` (${label}: ${candidates.join(', ')})` : '';
}

/** `a, b or c`, for messages. */
export function orList(words: readonly string[]): string {
  return words.length < 2
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
