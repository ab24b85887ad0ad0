/**
 * The most characters of JSON one action answers with: an AI client puts
 * the answer in its context, which a long answer would crowd out.
 */
export const MAX_OUTPUT_CHARS = 30_000;

/** The size of a value in an answer: its JSON and a separating comma. */
export function jsonSize(value: unknown): number {
  return JSON.stringify(value).length + 1;
}

/**
 * The first items whose JSON together takes at most `budget` characters,
 * and how many were left out.
 */
export function takeWithin<T>(
  items: readonly T[],
  budget: number,
): { kept: T[]; omitted: number } {
  let used = 0;
  let count = 0;
  while (count < items.length) {
    const size = jsonSize(items[count]);
    if (used + size > budget) {
      break;
    }
    used += size;
    count += 1;
  }
  return { kept: items.slice(0, count), omitted: items.length - count };
}

/**
 * The last guard of every answer: `shrink` drops something from the
 * output until its JSON fits {@link MAX_OUTPUT_CHARS}, and says false when
 * nothing is left to drop. The bounds of each field make this rare; an
 * answer that still does not fit is an error, never sent.
 */
export function fitOutput<T>(
  output: T,
  shrink: (output: T) => boolean,
  maxChars: number = MAX_OUTPUT_CHARS,
): T {
  while (JSON.stringify(output).length > maxChars) {
    if (!shrink(output)) {
      throw new Error(
        `The answer does not fit in ${maxChars} characters even shrunk`,
      );
    }
  }
  return output;
}
