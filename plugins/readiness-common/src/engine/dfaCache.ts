/*
 * The states of the deterministic automaton that `LinearRegex` builds
 * lazily: each is a set of states of the nondeterministic one, with the
 * transitions found from it so far. They are kept in a cache of fixed
 * budget, emptied when full, as RE2 does.
 */

/**
 * Budget of the cache of one pattern, in array slots of about 8 bytes: some
 * 100 states (128 KiB), many more than a typical pattern meets, and little
 * memory even with every cached pattern full.
 */
const CACHE_BUDGET = 1 << 14;
/** A state's table of ASCII transitions and the rest of it. */
const STATE_COST = 160;
/** A transition by a code point outside ASCII: a key and a value. */
const OTHER_TRANSITION_COST = 2;
/** The code points with a slot in a state's table. */
const ASCII_SIZE = 128;

/**
 * A set of automaton states, as a state of the lazily built DFA. (A class,
 * so that every state has the same shape and the loop of `test` stays
 * monomorphic.)
 */
export class DfaState {
  /** Transitions by ASCII code point: another state, or `MATCHED`. */
  readonly ascii: Array<DfaState | undefined> = new Array(ASCII_SIZE);
  /** Transitions by other code points. */
  others: Map<number, DfaState> | undefined = undefined;
  matchesAtEnd: boolean | undefined = undefined;

  constructor(
    /** Sorted states reached by consuming the last code point. */
    readonly reached: Int32Array,
    readonly atStart: boolean,
    readonly afterWordChar: boolean,
    /** Whether only `^` could start a match and nothing is under way. */
    readonly dead: boolean,
  ) {}
}

/** The transition taken when a match has been found. */
export const MATCHED = new DfaState(new Int32Array(0), false, false, true);

/** The DFA states of one pattern met so far. */
export class DfaCache {
  private states = new Map<string, DfaState>();
  private used = 0;
  private initialState: DfaState | undefined;
  /** How often the cache was emptied; states from before are not in it. */
  flushes = 0;

  /** `anchoredAtStart`: whether every match must start at `^`. */
  constructor(private readonly anchoredAtStart: boolean) {}

  /** The state before the first code point. */
  initial(): DfaState {
    this.initialState ??= this.intern(new Int32Array(0), true, false);
    return this.initialState;
  }

  /** The state of a set, from the cache, which is emptied when full. */
  intern(
    reached: Int32Array,
    atStart: boolean,
    afterWordChar: boolean,
  ): DfaState {
    const key = `${atStart ? 's' : ''}${afterWordChar ? 'w' : ''}${reached}`;
    let state = this.states.get(key);
    if (state === undefined) {
      const cost = STATE_COST + reached.length;
      if (this.used + cost > CACHE_BUDGET) {
        this.states = new Map();
        this.used = 0;
        this.initialState = undefined;
        this.flushes += 1;
      }
      state = new DfaState(
        reached,
        atStart,
        afterWordChar,
        this.anchoredAtStart && !atStart && reached.length === 0,
      );
      this.states.set(key, state);
      this.used += cost;
    }
    return state;
  }

  /** Remembers that consuming `c` in `state` leads to `next`. */
  addTransition(state: DfaState, c: number, next: DfaState): void {
    if (c < ASCII_SIZE) {
      state.ascii[c] = next;
    } else {
      state.others ??= new Map();
      state.others.set(c, next);
      this.used += OTHER_TRANSITION_COST;
    }
  }
}
