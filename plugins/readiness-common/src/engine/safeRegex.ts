import { compileLinearRegex } from './compileLinearRegex';
import { LinearRegex } from './linearRegex';

/*
 * Scorecards come from configuration, pull requests and anyone's preview,
 * and their patterns run in the backend against text from anyone's catalog
 * file. They are matched by `LinearRegex`, in time linear in the text, so
 * any regular pattern is safe; what is refused is what an automaton cannot
 * do (backreferences, lookaround), patterns longer than a scorecard needs,
 * and automata too large to follow quickly.
 */

const MAX_LENGTH = 200;
/** Longest text matched, in UTF-16 code units (64 KiB of ASCII). */
export const MAX_SUBJECT_LENGTH = 65_536;

const CACHE_SIZE = 256;
// A LinearRegex keeps only its cache of automaton states between calls, so
// one instance can be shared by every condition that uses the pattern.
const cache = new Map<string, LinearRegex | string>();

/** The compiled pattern, or why it cannot be used. */
function compile(pattern: string): LinearRegex | string {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    if (pattern.length > MAX_LENGTH) {
      return `regular expression is longer than ${MAX_LENGTH} characters`;
    }
    try {
      compiled = compileLinearRegex(pattern, {
        maxSubjectLength: MAX_SUBJECT_LENGTH,
      });
    } catch (error) {
      compiled = (error as Error).message;
    }
    if (cache.size >= CACHE_SIZE) {
      cache.delete(cache.keys().next().value!);
    }
    cache.set(pattern, compiled);
  }
  return compiled;
}

/**
 * Why a pattern cannot be used in a scorecard, or `undefined` when it can.
 * Patterns are read with the `u` flag.
 */
export function checkSafeRegex(pattern: string): string | undefined {
  const compiled = compile(pattern);
  return typeof compiled === 'string' ? compiled : undefined;
}

/**
 * Compiles a pattern that passes {@link checkSafeRegex}, from a small cache;
 * throws with the problem otherwise. Its `test` answers as
 * `new RegExp(pattern, 'u').test` does, and throws `SubjectTooLongError`
 * for text longer than {@link MAX_SUBJECT_LENGTH}.
 */
export function compileSafeRegex(pattern: string): LinearRegex {
  const compiled = compile(pattern);
  if (typeof compiled === 'string') {
    throw new Error(`Unusable pattern /${pattern}/: ${compiled}`);
  }
  return compiled;
}
