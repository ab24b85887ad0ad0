import { CodePointTest } from './codePointTest';
import { RegexNode } from './regexSyntax';

/** What a state of the automaton does. */
export const CHAR = 0; // consume one code point that passes `atoms[arg]`
export const SPLIT = 1; // go on to both `out` and `alt`, consuming nothing
export const ASSERT = 2; // go on to `out` if assertion `arg` holds here
export const MATCH = 3;

/** Assertions, the `arg` of an `ASSERT` state. */
export const AT_START = 0; // ^
export const AT_END = 1; // $
export const AT_WORD_BOUNDARY = 2; // \b
export const NOT_AT_WORD_BOUNDARY = 3; // \B

const ASSERTIONS: Record<string, number> = {
  '^': AT_START,
  $: AT_END,
  '\\b': AT_WORD_BOUNDARY,
  '\\B': NOT_AT_WORD_BOUNDARY,
};

/**
 * A nondeterministic finite automaton (Thompson's construction): states are
 * numbered, each with at most two successors; `start` is where a match
 * begins and the one `MATCH` state where it ends.
 */
export interface Nfa {
  kind: Uint8Array;
  out: Int32Array;
  alt: Int32Array;
  arg: Int32Array;
  /** The distinct atoms of the pattern, shared by the states testing them. */
  atoms: CodePointTest[];
  start: number;
}

/** Parts of the pattern built per state allowed, nested groups included. */
const NFA_PARTS_PER_STATE = 32;

/** Thrown when an automaton would need more states than allowed. */
export class NfaTooLargeError extends Error {}

/**
 * Builds the automaton of a parsed pattern without backreferences or
 * lookaround. Counted repetitions are written out (`a{3}` is `aaa`), so
 * the number of states can grow with the counts; more than `maxStates`
 * throws {@link NfaTooLargeError}.
 */
export function buildNfa(tree: RegexNode[][], maxStates: number): Nfa {
  const kind: number[] = [];
  const out: number[] = [];
  const alt: number[] = [];
  const arg: number[] = [];
  const atomIndex = new Map<string, number>();
  // Parts built, states or not: an empty group repeated, `(?:){1000}`,
  // adds no state but nested repeats of it would still loop for hours.
  let partsLeft = NFA_PARTS_PER_STATE * maxStates;

  const tooLarge = () =>
    new NfaTooLargeError(
      `regular expression needs more than ${maxStates} states (counted repetitions such as {100} are written out)`,
    );

  function add(k: number, next: number, other: number, a: number): number {
    if (kind.length >= maxStates) {
      throw tooLarge();
    }
    kind.push(k);
    out.push(next);
    alt.push(other);
    arg.push(a);
    return kind.length - 1;
  }

  function atom(source: string): number {
    let index = atomIndex.get(source);
    if (index === undefined) {
      index = atomIndex.size;
      atomIndex.set(source, index);
    }
    return index;
  }

  // Each function below builds the states of its part in front of `next`,
  // the state that follows it, and returns the part's first state.

  function alternatives(parts: RegexNode[][], next: number): number {
    let first = sequence(parts[parts.length - 1], next);
    for (let i = parts.length - 2; i >= 0; i--) {
      first = add(SPLIT, sequence(parts[i], next), first, 0);
    }
    return first;
  }

  function sequence(nodes: RegexNode[], next: number): number {
    let first = next;
    for (let i = nodes.length - 1; i >= 0; i--) {
      first = node(nodes[i], first);
    }
    return first;
  }

  function repeated(
    body: RegexNode,
    min: number,
    max: number,
    next: number,
  ): number {
    // Each repetition takes at least one state unless the body is empty,
    // and an empty body repeated that often is no pattern worth running.
    if (min > maxStates || (max !== Infinity && max > maxStates)) {
      throw tooLarge();
    }
    let first = next;
    if (max === Infinity) {
      const loop = add(SPLIT, -1, next, 0);
      out[loop] = node(body, loop);
      first = loop;
    } else {
      // `a{0,3}` as `(?:a(?:a(?:a)?)?)?`
      for (let i = 0; i < max - min; i++) {
        first = add(SPLIT, node(body, first), next, 0);
      }
    }
    for (let i = 0; i < min; i++) {
      first = node(body, first);
    }
    return first;
  }

  function node(n: RegexNode, next: number): number {
    if (--partsLeft < 0) {
      throw tooLarge();
    }
    switch (n.type) {
      case 'char':
        return add(CHAR, next, -1, atom(n.source));
      case 'assertion':
        return add(ASSERT, next, -1, ASSERTIONS[n.source]);
      case 'group':
        return alternatives(n.alternatives, next);
      case 'quantified':
        return repeated(n.node, n.min, n.max, next);
      default:
        throw new Error(`cannot build an automaton for ${n.source}`);
    }
  }

  const match = add(MATCH, -1, -1, 0);
  const start = alternatives(tree, match);
  return {
    kind: Uint8Array.from(kind),
    out: Int32Array.from(out),
    alt: Int32Array.from(alt),
    arg: Int32Array.from(arg),
    atoms: [...atomIndex.keys()].map(source => new CodePointTest(source)),
    start,
  };
}
