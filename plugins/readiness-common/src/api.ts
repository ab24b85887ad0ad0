import type { ScorecardProblem } from './schema';
import type { LevelDefinition, ScorecardDefinition } from './types';
import type { StatusCounts } from './results';

/*
 * The shapes of the REST API's responses and queries, shared by the backend
 * that serves them and the frontend client that reads them. The contract is
 * the backend's `openapi.yaml`.
 */

/** How the entities scored on a scorecard stand. @public */
export interface ScorecardStanding {
  entities: number;
  /** `null` when no entity has been scored. */
  averageScore: number | null;
  /** Entities per level id; `none` for those below the first level. */
  levelCounts: Record<string, number>;
  /**
   * Checks waived over these entities (by the scorecard or by exemptions),
   * so that a score raised by waivers shows.
   */
  waivedChecks: number;
}

/** A scorecard in force and how the entities stand on it. @public */
export interface ScorecardOverview extends ScorecardStanding {
  id: string;
  title: string;
  description: string;
  owner?: string;
  /** The file or app-config entry that defines it. */
  source: string;
  levels: LevelDefinition[];
  categories: Array<{ id: string; title: string }>;
  /** How many checks it has. */
  checks: number;
}

/** `GET /scorecards`. @public */
export interface ScorecardList {
  items: ScorecardOverview[];
  /** Problems that kept a configured definition (or a new version of it) out. */
  problems: ScorecardProblem[];
}

/** How the entities scored on a scorecard fare on one of its checks. @public */
export interface CheckStanding {
  id: string;
  title: string;
  category: string;
  level: string;
  weight: number;
  /** Entities per status of the check. */
  counts: StatusCounts;
  /**
   * Share of passing entities among those the check could be decided or
   * not for (pass, fail, unknown), 0 to 1; `null` when there are none.
   */
  passRate: number | null;
}

/** `GET /scorecards/{id}`. @public */
export interface ScorecardDetails {
  scorecard: ScorecardOverview;
  definition: ScorecardDefinition;
  checks: CheckStanding[];
  /** Problems of the file that defines it: a new version that was kept out. */
  problems: ScorecardProblem[];
}

/** Which entities an aggregate or list covers, besides their scorecard. @public */
export interface EntityFilter {
  kind?: string;
  /** `spec.type`. */
  type?: string;
  /** `spec.lifecycle`. */
  lifecycle?: string;
  /** One of `metadata.tags`. */
  tag?: string;
}

/** @public */
export type LeaderboardGrouping = 'owner' | 'system' | 'domain';

/** `GET /leaderboard` parameters. @public */
export interface LeaderboardQuery extends EntityFilter {
  scorecard: string;
  groupBy: LeaderboardGrouping;
  orderBy?: 'averageScore' | 'entities' | 'group' | 'trend';
  order?: 'asc' | 'desc';
  /** Days to compute the trend over (default 30). */
  periodDays?: number;
  /**
   * With `groupBy: owner`: each group's figures include the entities of the
   * groups under it (`parentOf`, transitively).
   */
  rollup?: boolean;
  limit?: number;
  offset?: number;
}

/** How a group's average moved over the period. @public */
export interface LeaderboardTrend {
  /** Start of the period. */
  since: string;
  /**
   * Average score at the start of the period of the group's entities that
   * were scored then; `null` when none was.
   */
  averageScore: number | null;
  /** Current average minus the one at the start; `null` without both. */
  change: number | null;
}

/** The standing of the entities of one owner, system or domain. @public */
export interface LeaderboardRow extends ScorecardStanding {
  /** The group's entity ref; `null` for entities that declare none. */
  group: string | null;
  trend: LeaderboardTrend;
}

/** `GET /leaderboard`. @public */
export interface Leaderboard {
  items: LeaderboardRow[];
  /** How many groups there are in all. */
  total: number;
}

/**
 * The `owner`, `system` or `domain` of `GET /results` that selects the
 * entities declaring none (entity refs always hold a colon).
 *
 * @public
 */
export const NO_GROUP = 'none';

/** `GET /results` parameters. @public */
export interface ResultQuery extends EntityFilter {
  scorecard: string;
  /** A level id, or `none` for entities below the first level. */
  level?: string;
  /** With `status`: the check whose status is filtered on. */
  check?: string;
  /**
   * Entities with this status on `check`, or without `check` on any of
   * their checks.
   */
  status?: 'pass' | 'fail' | 'unknown' | 'not-applicable' | 'waived';
  /** An entity ref, or {@link NO_GROUP} for entities that declare none. */
  owner?: string;
  /** An entity ref, or {@link NO_GROUP} for entities that declare none. */
  system?: string;
  /** An entity ref, or {@link NO_GROUP} for entities that declare none. */
  domain?: string;
  limit?: number;
  /** The `nextCursor` of the previous page; none for the first page. */
  cursor?: string;
}

/** One entity's standing on a scorecard, as lists show it. @public */
export interface ResultSummary {
  entityRef: string;
  score: number;
  level: string | null;
  evaluatedAt: string;
}

/** `GET /results`. @public */
export interface ResultList {
  items: ResultSummary[];
  /**
   * Where the next page starts; `null` after the last. A page may hold fewer
   * than `limit` items, even none, and still have a next one: the backend
   * reads a bounded number of results per request.
   */
  nextCursor: string | null;
}

/**
 * What became of a push's evaluation of the entity: `done` before the
 * answer, `queued` (still running when the answer was sent), `skipped`
 * (as many evaluations after pushes ran as the backend allows; the
 * scheduled run evaluates the stored facts) or `unchanged` (nothing newer
 * was stored: no value changed and no observation was renewed, so there
 * was nothing to evaluate).
 *
 * @public
 */
export type FactsPushEvaluation = 'done' | 'queued' | 'skipped' | 'unchanged';

/** The answer to `POST /facts`, which the CLI's `readiness push` reads. @public */
export interface FactsPushResult {
  /** The entity, as the push named it (normalised). */
  entityRef: string;
  /** What became of each fact, in the push's order. */
  facts: Array<{
    name: string;
    /** When stored: the push's observation; absent when not stored. */
    observedAt?: string;
    stored: boolean;
    /** Why the value was not stored. */
    reason?: string;
  }>;
  /** What became of the entity's evaluation. */
  evaluation: FactsPushEvaluation;
}
