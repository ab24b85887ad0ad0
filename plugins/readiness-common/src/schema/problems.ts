/**
 * Something wrong in a scorecard file, at the node that is wrong.
 *
 * @public
 */
export interface ScorecardProblem {
  /** The file (or other origin) the text came from, as given by the caller. */
  source: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Where in the document, e.g. `spec.checks[3].condition.any[1].fact`; empty for the document itself. */
  path: string;
  message: string;
}

/**
 * One problem as a line in the format editors and CI logs link:
 * `<source>:<line>:<column> <path>: <message>`.
 *
 * @public
 */
export function formatScorecardProblem(problem: ScorecardProblem): string {
  const where = `${problem.source}:${problem.line}:${problem.column}`;
  return problem.path
    ? `${where} ${problem.path}: ${problem.message}`
    : `${where} ${problem.message}`;
}

/**
 * Where something is in a document, to report a problem found only once
 * other files are read (such as a campaign's reference to a scorecard).
 *
 * @public
 */
export type DocumentPosition = Pick<
  ScorecardProblem,
  'line' | 'column' | 'path'
>;
