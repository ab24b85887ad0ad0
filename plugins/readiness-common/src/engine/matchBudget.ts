/*
 * The work budgets that keep pattern matching bounded: a test of one subject
 * may follow at most `MAX_MATCH_WORK` automaton states, and all the tests of
 * one evaluation, however many conditions it has, at most what
 * `withMatchBudget` grants them.
 */

/**
 * A limit that keeps one match bounded was reached: no answer either way.
 *
 * @public
 */
export class MatchLimitError extends Error {}

/** Thrown by {@link LinearRegex.test} for a subject that is too long. */
export class SubjectTooLongError extends MatchLimitError {}

/** The automaton states one `test` may follow before it gives up. */
export const MAX_MATCH_WORK = 1 << 22;

/**
 * Automaton states all tests of one evaluation may follow together: with
 * thousands of conditions each test could still use its own budget.
 */
export const MAX_EVALUATION_MATCH_WORK = 1 << 24;

// Evaluation is synchronous, so one shared budget serves the evaluation in
// progress; outside one, each test has only its own.
const evaluationBudget = { left: Infinity };

/**
 * Runs `evaluate` with at most `work` automaton states followed by all the
 * tests it makes; a test past it throws {@link MatchLimitError}.
 */
export function withMatchBudget<T>(work: number, evaluate: () => T): T {
  const saved = evaluationBudget.left;
  evaluationBudget.left = work;
  try {
    return evaluate();
  } finally {
    evaluationBudget.left = saved;
  }
}

/** The automaton states the test about to start may follow. */
export function matchWorkAllowed(): number {
  return Math.min(MAX_MATCH_WORK, evaluationBudget.left);
}

/** Takes the states a finished test followed from the evaluation's budget. */
export function spendMatchWork(work: number): void {
  evaluationBudget.left -= work;
}

/** The error of a test that ran out of either budget. */
export function matchWorkExceeded(): MatchLimitError {
  return new MatchLimitError(
    `matching the pattern against this text takes more than ${MAX_MATCH_WORK} automaton steps (or the evaluation's ${MAX_EVALUATION_MATCH_WORK})`,
  );
}
