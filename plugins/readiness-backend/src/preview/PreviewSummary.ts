import {
  ScorecardDefinition,
  ScorecardResult,
  StatusCounts,
} from '@readiness/plugin-readiness-common';

/** How one check of the draft decided over the evaluated entities. */
export interface PreviewCheckSummary {
  id: string;
  /** Entities per status, advisory checks' included. */
  counts: StatusCounts;
  /** Share of the decided (pass, fail, unknown) that pass; null if none. */
  passRate: number | null;
}

/** Where the evaluated entities would stand on the draft. */
export interface PreviewStanding {
  /** Mean score, to one decimal; null when no entity was evaluated. */
  averageScore: number | null;
  /** Entities below the draft's first level. */
  belowFirstLevel: number;
  /**
   * Entities per level of the draft reached, by level id, in the draft's
   * order; levels no entity reached are left out. Apart from
   * `belowFirstLevel`, so that a level with the id `none` stays itself.
   */
  levelCounts: Record<string, number>;
  /** Per check, in the draft's order. */
  checks: PreviewCheckSummary[];
}

function noCounts(): StatusCounts {
  return { pass: 0, fail: 0, unknown: 0, 'not-applicable': 0, waived: 0 };
}

/**
 * Adds up a preview's evaluations as they come, in memory that grows with
 * the draft's checks and levels, not with the entities.
 */
export class PreviewSummary {
  private entities = 0;
  private scoreTotal = 0;
  private belowFirstLevel = 0;
  private readonly levelCounts = new Map<string, number>();
  private readonly checkCounts: Map<string, StatusCounts>;

  constructor(private readonly scorecard: ScorecardDefinition) {
    this.checkCounts = new Map(scorecard.checks.map(c => [c.id, noCounts()]));
  }

  add(result: Pick<ScorecardResult, 'score' | 'level' | 'checks'>): void {
    this.entities += 1;
    this.scoreTotal += result.score;
    if (result.level === null) {
      this.belowFirstLevel += 1;
    } else {
      this.levelCounts.set(
        result.level,
        (this.levelCounts.get(result.level) ?? 0) + 1,
      );
    }
    for (const check of result.checks) {
      const counts = this.checkCounts.get(check.id);
      if (counts) {
        counts[check.status] += 1;
      }
    }
  }

  standing(): PreviewStanding {
    return {
      averageScore:
        this.entities > 0
          ? Math.round((this.scoreTotal / this.entities) * 10) / 10
          : null,
      belowFirstLevel: this.belowFirstLevel,
      levelCounts: Object.fromEntries(
        this.scorecard.levels.flatMap(({ id }) => {
          const count = this.levelCounts.get(id);
          return count === undefined ? [] : [[id, count]];
        }),
      ),
      checks: this.scorecard.checks.map(({ id }) => {
        const counts = this.checkCounts.get(id) ?? noCounts();
        const decided = counts.pass + counts.fail + counts.unknown;
        return {
          id,
          counts,
          passRate:
            decided > 0
              ? Math.round((counts.pass / decided) * 1000) / 1000
              : null,
        };
      }),
    };
  }
}
