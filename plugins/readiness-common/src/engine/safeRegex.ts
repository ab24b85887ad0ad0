import { parseRegex, RegexNode } from './regexSyntax';

/*
 * Scorecards come from configuration and pull requests, and their patterns run
 * against fact values in the backend. JavaScript's regular expressions
 * backtrack and there is no RE2 in Node or the browser, so a pattern such as
 * `(a+)+$` takes exponential time on "aaaa…b" and would block the event loop.
 * The rules below reject the shapes that cause that (repetition inside
 * repetition, repeated alternatives that match the same text) and the features
 * that make matching unbounded or non-regular (backreferences, lookaround),
 * at the cost of refusing some patterns that would in fact be fine.
 */

const MAX_LENGTH = 200;
const MAX_REPETITIONS = 1000;

function* walk(nodes: RegexNode[][]): Generator<RegexNode> {
  for (const sequence of nodes) {
    for (const node of sequence) {
      yield node;
      if (node.type === 'group') {
        yield* walk(node.alternatives);
      } else if (node.type === 'quantified') {
        yield* walk([[node.node]]);
      }
    }
  }
}

function unboundedFeature(tree: RegexNode[][]): string | undefined {
  for (const node of walk(tree)) {
    if (node.type === 'backreference') {
      return `backreferences are not allowed: ${node.source}`;
    }
    if (node.type === 'group' && node.lookaround) {
      return `lookahead and lookbehind are not allowed: ${node.source}`;
    }
    if (
      node.type === 'quantified' &&
      Math.max(node.min, node.max === Infinity ? 0 : node.max) > MAX_REPETITIONS
    ) {
      return `quantifier ${node.quantifier} repeats more than ${MAX_REPETITIONS} times`;
    }
  }
  return undefined;
}

/** The characters a sequence can start with, as sources of `char` nodes. */
function firstChars(sequence: RegexNode[]): {
  sources: string[];
  canBeEmpty: boolean;
} {
  const sources: string[] = [];
  for (const node of sequence) {
    let first: { sources: string[]; canBeEmpty: boolean };
    if (node.type === 'char') {
      first = { sources: [node.source], canBeEmpty: false };
    } else if (node.type === 'group') {
      const parts = node.alternatives.map(firstChars);
      first = {
        sources: parts.flatMap(p => p.sources),
        canBeEmpty: parts.some(p => p.canBeEmpty),
      };
    } else if (node.type === 'quantified') {
      const inner = firstChars([node.node]);
      first = {
        sources: inner.sources,
        canBeEmpty: node.min === 0 || inner.canBeEmpty,
      };
    } else {
      continue; // zero-width
    }
    sources.push(...first.sources);
    if (!first.canBeEmpty) {
      return { sources, canBeEmpty: false };
    }
  }
  return { sources, canBeEmpty: true };
}

/**
 * Characters to try when asking whether two alternatives can start alike:
 * Latin-1 and beyond, a few scripts, and every character the pattern names
 * (range ends included, so two overlapping ranges share a probe).
 */
function probeCharacters(pattern: string): string[] {
  const codePoints = new Set<number>();
  for (let c = 0; c < 0x300; c++) codePoints.add(c);
  for (const c of [0x416, 0x5d0, 0x4e2d, 0x2028, 0x3000, 0xfeff, 0x1f600]) {
    codePoints.add(c);
  }
  for (const c of pattern) codePoints.add(c.codePointAt(0)!);
  for (const m of pattern.matchAll(
    /\\u\{([0-9a-f]+)\}|\\u([0-9a-f]{4})|\\x([0-9a-f]{2})/gi,
  )) {
    const codePoint = parseInt(m[1] ?? m[2] ?? m[3], 16);
    if (codePoint <= 0x10ffff) codePoints.add(codePoint);
  }
  return [...codePoints].map(c => String.fromCodePoint(c));
}

/**
 * Whether two alternatives can match the same text, approximated by whether
 * they can start with the same character (or one can match nothing).
 */
function alternativesOverlap(
  alternatives: RegexNode[][],
  probes: () => string[],
): boolean {
  if (alternatives.length < 2) {
    return false;
  }
  const firsts = alternatives.map(firstChars);
  if (firsts.some(f => f.canBeEmpty)) {
    return true;
  }
  const matchers = firsts.map(
    f => new RegExp(`^(?:${f.sources.join('|')})$`, 'u'),
  );
  return probes().some(probe => matchers.filter(m => m.test(probe)).length > 1);
}

function nestedRepetition(pattern: string, tree: RegexNode[][]) {
  let probes: string[] | undefined;
  const lazyProbes = () => (probes ??= probeCharacters(pattern));
  for (const node of walk(tree)) {
    if (
      node.type !== 'quantified' ||
      node.max <= 1 ||
      node.node.type !== 'group'
    ) {
      continue;
    }
    const inside = [...walk(node.node.alternatives)];
    if (inside.some(n => n.type === 'quantified')) {
      return `nested quantifiers can backtrack catastrophically: ${node.source}`;
    }
    const groups = [node.node, ...inside];
    if (
      groups.some(
        g =>
          g.type === 'group' && alternativesOverlap(g.alternatives, lazyProbes),
      )
    ) {
      return `repeated alternatives that can match the same text can backtrack catastrophically: ${node.source}`;
    }
  }
  return undefined;
}

/**
 * Why a pattern is not safe to run on untrusted text, or `undefined` when it
 * is. Patterns are compiled with the `u` flag.
 */
export function checkSafeRegex(pattern: string): string | undefined {
  if (pattern.length > MAX_LENGTH) {
    return `regular expression is longer than ${MAX_LENGTH} characters`;
  }
  try {
    RegExp(pattern, 'u');
  } catch (error) {
    return `regular expression does not compile: ${(error as Error).message}`;
  }
  const tree = parseRegex(pattern);
  return unboundedFeature(tree) ?? nestedRepetition(pattern, tree);
}

const CACHE_SIZE = 256;
// Without the `g` or `y` flag a RegExp keeps no state between `test` calls,
// so one instance can be shared by every condition that uses the pattern.
const cache = new Map<string, RegExp>();

/**
 * Compiles a pattern that passes {@link checkSafeRegex}, from a small cache;
 * throws with the problem otherwise.
 */
export function compileSafeRegex(pattern: string): RegExp {
  let regex = cache.get(pattern);
  if (regex === undefined) {
    const problem = checkSafeRegex(pattern);
    if (problem !== undefined) {
      throw new Error(`Unsafe pattern /${pattern}/: ${problem}`);
    }
    if (cache.size >= CACHE_SIZE) {
      cache.delete(cache.keys().next().value!);
    }
    regex = new RegExp(pattern, 'u');
    cache.set(pattern, regex);
  }
  return regex;
}
