import {
  CheckStanding,
  ScorecardDetails,
  ScorecardList,
  ScorecardOverview,
  StatusCounts,
} from '@readiness/plugin-readiness-common';
import { StandingQueries } from '../store';
import { ScorecardRegistry } from './ScorecardRegistry';

function passRate(counts: StatusCounts): number | null {
  const decided = counts.pass + counts.fail + counts.unknown;
  return decided > 0 ? Math.round((counts.pass / decided) * 1000) / 1000 : null;
}

const NO_COUNTS: StatusCounts = {
  pass: 0,
  fail: 0,
  unknown: 0,
  'not-applicable': 0,
  waived: 0,
};

/**
 * The scorecards in force and how entities stand on them. Every figure is
 * computed over the entities `visible` holds (all when undefined): callers
 * see aggregates of what they may read only.
 */
export class ScorecardsService {
  constructor(
    private readonly registry: ScorecardRegistry,
    private readonly standing: StandingQueries,
  ) {}

  /** The scorecard in force with this id; a `NotFoundError` otherwise. */
  requireScorecard(id: string) {
    return this.registry.find(id);
  }

  async list(visible?: ReadonlySet<string>): Promise<ScorecardList> {
    return {
      items: await Promise.all(
        this.registry
          .list()
          .map(({ scorecard }) => this.overview(scorecard.id, visible)),
      ),
      problems: [...this.registry.listProblems()],
    };
  }

  async get(
    id: string,
    visible?: ReadonlySet<string>,
  ): Promise<ScorecardDetails> {
    const { scorecard, source } = this.requireScorecard(id);
    const counts = await this.standing.getCheckStatusCounts(id, visible);
    const checks: CheckStanding[] = scorecard.checks.map(check => {
      const checkCounts = counts.get(check.id) ?? NO_COUNTS;
      return {
        id: check.id,
        title: check.title,
        category: check.category,
        level: check.level,
        weight: check.weight,
        counts: checkCounts,
        passRate: passRate(checkCounts),
      };
    });
    return {
      scorecard: await this.overview(id, visible),
      definition: scorecard,
      checks,
      problems: this.registry.listProblems().filter(p => p.source === source),
    };
  }

  private async overview(
    id: string,
    visible?: ReadonlySet<string>,
  ): Promise<ScorecardOverview> {
    const { scorecard, source } = this.requireScorecard(id);
    return {
      id: scorecard.id,
      title: scorecard.title,
      description: scorecard.description,
      ...(scorecard.owner && { owner: scorecard.owner }),
      source,
      levels: scorecard.levels,
      categories: scorecard.categories.map(({ id: categoryId, title }) => ({
        id: categoryId,
        title,
      })),
      checks: scorecard.checks.length,
      ...(await this.standing.getScorecardStanding(id, visible)),
    };
  }
}
