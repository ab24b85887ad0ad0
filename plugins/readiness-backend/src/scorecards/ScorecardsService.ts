import { NotFoundError } from '@backstage/errors';
import {
  ScorecardDefinition,
  ScorecardProblem,
} from '@readiness/plugin-readiness-common';
import {
  LeaderboardGrouping,
  LeaderboardRow,
  ReadinessStore,
  ScorecardStanding,
} from '../database';
import { LoadedScorecards } from './loadScorecards';

export interface ScorecardOverview extends ScorecardStanding {
  id: string;
  title: string;
  description: string;
  owner?: string;
  source: string;
  levels: ScorecardDefinition['levels'];
  categories: Array<{ id: string; title: string }>;
  checks: number;
}

export interface LeaderboardQuery {
  groupBy: LeaderboardGrouping;
  orderBy: 'averageScore' | 'entities' | 'group';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const COMPARE: Record<
  LeaderboardQuery['orderBy'],
  (a: LeaderboardRow, b: LeaderboardRow) => number
> = {
  averageScore: (a, b) => (a.averageScore ?? -1) - (b.averageScore ?? -1),
  entities: (a, b) => a.entities - b.entities,
  group: (a, b) => (a.group ?? '').localeCompare(b.group ?? ''),
};

/** The scorecards in force, how entities stand on them, and what was left out. */
export class ScorecardsService {
  constructor(
    private readonly loaded: LoadedScorecards,
    private readonly store: ReadinessStore,
  ) {}

  async list(): Promise<{
    items: ScorecardOverview[];
    problems: ScorecardProblem[];
  }> {
    return {
      items: await Promise.all(
        this.loaded.scorecards.map(({ scorecard }) =>
          this.overview(scorecard.id),
        ),
      ),
      problems: this.loaded.problems,
    };
  }

  async get(id: string): Promise<{
    scorecard: ScorecardOverview;
    definition: ScorecardDefinition;
  }> {
    const loaded = this.find(id);
    return { scorecard: await this.overview(id), definition: loaded.scorecard };
  }

  /**
   * Owners, systems or domains ranked on a scorecard. The database
   * aggregates; there are far fewer groups than entities, so they are
   * ordered and paged here, with the group's ref as a stable tie-break.
   */
  async leaderboard(
    id: string,
    query: LeaderboardQuery,
  ): Promise<{ items: LeaderboardRow[]; total: number }> {
    this.find(id);
    const rows = await this.store.getLeaderboard(id, query.groupBy);
    const direction = query.order === 'asc' ? 1 : -1;
    rows.sort(
      (a, b) => direction * COMPARE[query.orderBy](a, b) || COMPARE.group(a, b),
    );
    return {
      items: rows.slice(query.offset, query.offset + query.limit),
      total: rows.length,
    };
  }

  private find(id: string) {
    const loaded = this.loaded.scorecards.find(s => s.scorecard.id === id);
    if (!loaded) {
      throw new NotFoundError(
        `No scorecard "${id}"; the scorecards are ${this.loaded.scorecards
          .map(s => s.scorecard.id)
          .join(', ')}`,
      );
    }
    return loaded;
  }

  private async overview(id: string): Promise<ScorecardOverview> {
    const { scorecard, source } = this.find(id);
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
      ...(await this.store.getScorecardStanding(id)),
    };
  }
}
