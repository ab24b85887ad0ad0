import { InputError } from '@backstage/errors';
import {
  formatScorecardProblem,
  ScorecardProblem,
} from '@readiness/plugin-readiness-common';

/**
 * A draft scorecard that is not valid: a 400 like any InputError (it keeps
 * that name, which Backstage's error handler answers by), carrying the
 * parser's problems so that callers need not parse the draft again.
 */
export class InvalidScorecardError extends InputError {
  constructor(readonly problems: readonly ScorecardProblem[]) {
    super(
      `The scorecard is not valid: ${problems
        .map(formatScorecardProblem)
        .join('; ')}`,
    );
  }
}
