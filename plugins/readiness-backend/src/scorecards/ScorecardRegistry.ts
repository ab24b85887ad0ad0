import { createHash } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  formatScorecardProblem,
  ScorecardDefinition,
  ScorecardProblem,
} from '@readiness/plugin-readiness-common';
import { LoadedScorecard, LoadedScorecards } from './loadScorecards';

/** A scorecard in force, with a hash of its definition. */
export interface ActiveScorecard extends LoadedScorecard {
  /** Equal for equal definitions, across restarts. */
  version: string;
}

function versionOf(scorecard: ScorecardDefinition): string {
  return createHash('sha256').update(JSON.stringify(scorecard)).digest('hex');
}

/**
 * The scorecards in force. A reload takes the new definitions; a file that
 * has become invalid keeps its last good scorecards running while its
 * problems are reported.
 */
export class ScorecardRegistry {
  private active: ActiveScorecard[] = [];
  private problems: ScorecardProblem[] = [];

  constructor(
    private readonly load: () => LoadedScorecards,
    private readonly logger: LoggerService,
  ) {
    this.reload();
  }

  list(): readonly ActiveScorecard[] {
    return this.active;
  }

  listProblems(): readonly ScorecardProblem[] {
    return this.problems;
  }

  find(id: string): ActiveScorecard {
    const found = this.active.find(s => s.scorecard.id === id);
    if (!found) {
      throw new NotFoundError(
        `No scorecard "${id}"; the scorecards are ${this.active
          .map(s => s.scorecard.id)
          .join(', ')}`,
      );
    }
    return found;
  }

  /** Loads the definitions again; true when the scorecards in force changed. */
  reload(): boolean {
    const loaded = this.load();
    const failedSources = new Set(loaded.problems.map(p => p.source));
    const byId = new Map<string, ActiveScorecard>(
      loaded.scorecards.map(s => [
        s.scorecard.id,
        { ...s, version: versionOf(s.scorecard) },
      ]),
    );
    for (const previous of this.active) {
      if (failedSources.has(previous.source)) {
        byId.set(previous.scorecard.id, previous);
      }
    }
    const next = [...byId.values()];
    const changed =
      next.map(s => s.version).join() !==
      this.active.map(s => s.version).join();
    this.reportNewProblems(loaded.problems, next);
    this.active = next;
    this.problems = loaded.problems;
    return changed;
  }

  /** Each problem is logged once, not on every reload. */
  private reportNewProblems(
    problems: ScorecardProblem[],
    kept: ActiveScorecard[],
  ) {
    const known = new Set(this.problems.map(formatScorecardProblem));
    const keptSources = new Set(kept.map(s => s.source));
    for (const problem of problems) {
      const text = formatScorecardProblem(problem);
      if (!known.has(text)) {
        this.logger.error(
          keptSources.has(problem.source)
            ? `Scorecard change left out, the last good version keeps running: ${text}`
            : `Scorecard left out: ${text}`,
        );
      }
    }
  }
}
