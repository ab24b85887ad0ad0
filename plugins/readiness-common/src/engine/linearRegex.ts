import {
  AT_END,
  AT_START,
  AT_WORD_BOUNDARY,
  buildNfa,
  CHAR,
  MATCH,
  Nfa,
  SPLIT,
} from './regexNfa';
import { DfaCache, DfaState, MATCHED } from './dfaCache';
import {
  matchWorkAllowed,
  matchWorkExceeded,
  spendMatchWork,
  SubjectTooLongError,
} from './matchBudget';
import { RegexNode } from './regexSyntax';

/*
 * A regular-expression matcher whose time is linear in the subject, for
 * patterns and subjects that nobody trusted: JavaScript's RegExp backtracks,
 * so `.*.*.*.*x` takes polynomial and `(a+)+$` exponential time on a long
 * enough subject, and there is no RE2 in Node.js or the browser.
 *
 * The pattern becomes an automaton (`regexNfa.ts`) whose states are all
 * followed at once, one code point of the subject after another (as in
 * Thompson's and Pike's simulation): at most every state once per code
 * point, so at worst O(subject length × states). The sets of states met are
 * remembered as the states of a deterministic automaton, built lazily with
 * their transitions, so that the usual cost is one table lookup per code
 * point; that cache (`dfaCache.ts`) has a fixed budget and is emptied when
 * full, as RE2 does. A subject that fills it is followed on without it
 * (pure Pike simulation), which costs no sorting or keys per step. The work
 * of a test is bounded by the budgets of `matchBudget.ts`.
 */

/** What was read last, for the assertions, when no DFA state says so. */
const AFTER_WORD_CHAR = { atStart: false, afterWordChar: true };
const AFTER_OTHER_CHAR = { atStart: false, afterWordChar: false };

function isWordChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x5f // _
  );
}

/** Whether an assertion holds between the state's text and what follows. */
function holds(
  assertion: number,
  before: { atStart: boolean; afterWordChar: boolean },
  atEnd: boolean,
  beforeWordChar: boolean,
): boolean {
  if (assertion === AT_START) {
    return before.atStart;
  }
  if (assertion === AT_END) {
    return atEnd;
  }
  const boundary = before.afterWordChar !== beforeWordChar;
  return boundary === (assertion === AT_WORD_BOUNDARY);
}

/**
 * A compiled pattern: `test` answers as `new RegExp(pattern, 'u').test`
 * does, in time linear in the subject.
 *
 * @public
 */
export class LinearRegex {
  private readonly nfa: Nfa;
  private readonly anchoredAtStart: boolean;
  private readonly states: DfaCache;
  // Scratch space of the closure: a mark per state and the states to visit.
  private readonly marks: Uint32Array;
  private generation = 0;
  private readonly stack: Int32Array;
  private readonly chars: Int32Array;
  private charCount = 0;
  // The automaton states reached, before and after a step.
  private readonly threads: Int32Array;
  private readonly nextThreads: Int32Array;
  /** Automaton states the test in progress may still follow. */
  private workLeft = 0;
  // Per atom: the step it was last asked about, and its answer.
  private readonly atomAsked: Uint32Array;
  private readonly atomAnswer: Uint8Array;

  /**
   * Made by `compileLinearRegex`, which checks the pattern.
   *
   * @internal
   */
  constructor(
    readonly source: string,
    tree: RegexNode[][],
    maxStates: number,
    private readonly maxSubjectLength: number,
  ) {
    this.nfa = buildNfa(tree, maxStates);
    const size = this.nfa.kind.length;
    this.marks = new Uint32Array(size);
    this.stack = new Int32Array(size);
    this.chars = new Int32Array(size);
    this.threads = new Int32Array(size);
    this.nextThreads = new Int32Array(size);
    this.atomAsked = new Uint32Array(this.nfa.atoms.length);
    this.atomAnswer = new Uint8Array(this.nfa.atoms.length);
    this.anchoredAtStart = this.isAnchoredAtStart();
    this.states = new DfaCache(this.anchoredAtStart);
  }

  /**
   * Whether the pattern matches somewhere in `subject`.
   *
   * @throws SubjectTooLongError for a subject longer than the limit it was
   *   compiled with, in UTF-16 code units.
   */
  test(subject: string): boolean {
    const length = subject.length;
    if (length > this.maxSubjectLength) {
      throw new SubjectTooLongError(
        `the text is ${length} characters long, longer than the ${this.maxSubjectLength} that patterns are matched against`,
      );
    }
    const budget = matchWorkAllowed();
    this.workLeft = budget;
    try {
      return this.run(subject);
    } finally {
      spendMatchWork(budget - this.workLeft);
    }
  }

  private run(subject: string): boolean {
    const length = subject.length;
    const flushes = this.states.flushes;
    let state = this.states.initial();
    let i = 0;
    while (i < length) {
      if (state.dead) {
        return false;
      }
      // Code points, as the `u` flag reads the subject.
      const c = subject.codePointAt(i)!;
      i += c > 0xffff ? 2 : 1;
      let next = c < 128 ? state.ascii[c] : undefined;
      if (next === undefined) {
        next = this.cachedOrNewTransition(state, c);
        if (this.states.flushes !== flushes && next !== MATCHED) {
          // Too many sets of states to remember: follow them without.
          return this.testWithoutCache(subject, i, next);
        }
      }
      if (next === MATCHED) {
        return true;
      }
      state = next;
    }
    state.matchesAtEnd ??= this.closure(
      state.reached,
      state.reached.length,
      state,
      true,
      false,
    );
    return state.matchesAtEnd;
  }

  /**
   * The rest of `test` from `state` at index `from`, as Pike's simulation:
   * the same steps, none remembered (at most every automaton state once per
   * code point).
   */
  private testWithoutCache(subject: string, from: number, state: DfaState) {
    let current = this.threads;
    let next = this.nextThreads;
    let count = state.reached.length;
    current.set(state.reached);
    let after = { atStart: state.atStart, afterWordChar: state.afterWordChar };
    let i = from;
    while (i < subject.length) {
      if (count === 0 && this.anchoredAtStart && !after.atStart) {
        return false;
      }
      const c = subject.codePointAt(i)!;
      i += c > 0xffff ? 2 : 1;
      const wordChar = isWordChar(c);
      if (this.closure(current, count, after, false, wordChar)) {
        return true;
      }
      count = this.advance(c, next);
      [current, next] = [next, current];
      after = wordChar ? AFTER_WORD_CHAR : AFTER_OTHER_CHAR;
    }
    return this.closure(current, count, after, true, false);
  }

  private cachedOrNewTransition(state: DfaState, c: number): DfaState {
    return state.others?.get(c) ?? this.transition(state, c);
  }

  private transition(state: DfaState, c: number): DfaState {
    const wordChar = isWordChar(c);
    let next: DfaState;
    if (
      this.closure(state.reached, state.reached.length, state, false, wordChar)
    ) {
      next = MATCHED;
    } else {
      const count = this.advance(c, this.threads);
      const reached = this.threads.slice(0, count).sort();
      next = this.states.intern(reached, false, wordChar);
    }
    this.states.addTransition(state, c, next);
    return next;
  }

  /**
   * Follows the moves that consume nothing from the first `count` automaton
   * states of `reached` and from `start` (a match may begin anywhere), with
   * the assertions decided by what is on either side; leaves the `CHAR`
   * states found in `chars`. Whether `MATCH` was reached.
   */
  private closure(
    reached: Int32Array,
    count: number,
    before: { atStart: boolean; afterWordChar: boolean },
    atEnd: boolean,
    beforeWordChar: boolean,
  ): boolean {
    const { kind, out, alt, arg, start } = this.nfa;
    const { marks, stack, chars } = this;
    const generation = this.nextGeneration();
    // A state goes on the stack once: marked when pushed. (Written out
    // rather than a local function: this is the inner loop.)
    let top = 0;
    for (let k = 0; k < count; k++) {
      const s = reached[k];
      if (marks[s] !== generation) {
        marks[s] = generation;
        stack[top++] = s;
      }
    }
    if (marks[start] !== generation) {
      marks[start] = generation;
      stack[top++] = start;
    }
    let found = 0;
    let popped = 0;
    while (top > 0) {
      const s = stack[--top];
      popped++;
      const k = kind[s];
      if (k === CHAR) {
        chars[found++] = s;
        continue;
      }
      if (k === MATCH) {
        return true;
      }
      if (k === SPLIT) {
        const other = alt[s];
        if (marks[other] !== generation) {
          marks[other] = generation;
          stack[top++] = other;
        }
      } else if (!holds(arg[s], before, atEnd, beforeWordChar)) {
        continue;
      }
      const next = out[s];
      if (marks[next] !== generation) {
        marks[next] = generation;
        stack[top++] = next;
      }
    }
    this.charCount = found;
    this.workLeft -= popped;
    if (this.workLeft < 0) {
      throw matchWorkExceeded();
    }
    return false;
  }

  /**
   * The states reached by consuming `c` from the `CHAR` states the last
   * closure found, each once, written into `into`; how many.
   */
  private advance(c: number, into: Int32Array): number {
    const { out, arg, atoms } = this.nfa;
    const { marks, chars, atomAsked, atomAnswer } = this;
    const generation = this.nextGeneration();
    let count = 0;
    for (let k = 0; k < this.charCount; k++) {
      const s = chars[k];
      const target = out[s];
      if (marks[target] === generation) {
        continue;
      }
      // Each atom is asked about `c` once per step.
      const atom = arg[s];
      if (atomAsked[atom] !== generation) {
        atomAsked[atom] = generation;
        atomAnswer[atom] = atoms[atom].matches(c) ? 1 : 0;
      }
      if (atomAnswer[atom] === 1) {
        marks[target] = generation;
        into[count++] = target;
      }
    }
    return count;
  }

  private nextGeneration(): number {
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.marks.fill(0);
      this.atomAsked.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }

  /** Whether every way from `start` to a character or the end passes `^`. */
  private isAnchoredAtStart(): boolean {
    const { kind, out, alt, arg, start } = this.nfa;
    const seen = new Set<number>();
    const stack = [start];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen.has(s)) {
        continue;
      }
      seen.add(s);
      if (kind[s] === CHAR || kind[s] === MATCH) {
        return false;
      }
      if (kind[s] === SPLIT) {
        stack.push(out[s], alt[s]);
      } else if (arg[s] !== AT_START) {
        stack.push(out[s]);
      }
    }
    return true;
  }
}
