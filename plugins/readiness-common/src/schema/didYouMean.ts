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
 *
 * @public
 */
export function closestMatch(
  word: string,
  candidates: Iterable<string>,
): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip the matrix.
    if (Math.abs(candidate.length - word.length) > limit) {
      continue;
    }
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

/** Candidates a hint lists at most, so that its length does not grow with the scorecard. */
export const MAX_LISTED_CANDIDATES = 10;

/**
 * What to add after "unknown …": the close candidate, or else the candidates
 * so the reader need not look them up, e.g. ` (did you mean "weight"?)` or
 * ` (levels: bronze, silver)`. Of many candidates it lists the
 * `MAX_LISTED_CANDIDATES` (10) closest to the word and counts the others:
 * ` (checks: a, b, …, j and 190 more)`.
 *
 * @public
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
  if (candidates.length === 0) {
    return '';
  }
  if (candidates.length <= MAX_LISTED_CANDIDATES) {
    return ` (${label}: ${candidates.join(', ')})`;
  }
  const closest = closestCandidates(word, candidates, MAX_LISTED_CANDIDATES);
  const more = candidates.length - closest.length;
  return ` (${label}: ${closest.join(', ')} and ${more} more)`;
}

/**
 * The `count` candidates nearest to `word`, nearest first (ties in their
 * order). Distances are compared on at most 64 characters: a hint, not a
 * verdict, need not pay for long ids.
 */
function closestCandidates(
  word: string,
  candidates: readonly string[],
  count: number,
): string[] {
  const prefix = (text: string) => text.slice(0, 64).toLowerCase();
  const from = prefix(word);
  return candidates
    .map((candidate, index) => ({
      candidate,
      index,
      distance: editDistance(from, prefix(candidate)),
    }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

/** `a, b or c`, for messages. */
export function orList(words: readonly string[]): string {
  return words.length < 2
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
