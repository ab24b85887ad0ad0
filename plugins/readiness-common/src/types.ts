/**
 * The value of one fact. Record values (such as annotations) are looked into
 * with a condition's `key`.
 *
 * @public
 */
export type FactValue =
  | string
  | number
  | boolean
  | null
  | string[]
  | { [key: string]: string };

/**
 * One observation about an entity, with where it came from and when.
 *
 * @public
 */
export interface Fact {
  value: FactValue;
  /** The collector that observed the fact, e.g. `catalog`. */
  source: string;
  /** ISO 8601 time of the observation. */
  observedAt: string;
}

/**
 * A fact that could not be observed, and why (e.g. its collector failed or
 * timed out). Checks over it are `unknown`, never `fail`.
 *
 * @public
 */
export interface UnavailableFact {
  source: string;
  reason: string;
}

/**
 * Facts about one entity, by fact name (e.g. `catalog.owner`).
 *
 * @public
 */
export type FactSet = Record<string, Fact | UnavailableFact>;

/**
 * The outcome of one check for one entity.
 *
 * `unknown` means the facts needed to decide were not available; it is never
 * counted as a pass.
 *
 * @public
 */
export type CheckStatus =
  | 'pass'
  | 'fail'
  | 'unknown'
  | 'not-applicable'
  | 'waived';

/**
 * A condition over facts. A leaf names a fact (and, for record-valued facts,
 * a key inside it) and exactly one operator.
 *
 * @public
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | {
      fact: string;
      key?: string;
      exists?: boolean;
      equals?: string | number | boolean;
      in?: Array<string | number | boolean>;
      contains?: string;
    };

/** @public */
export interface Remediation {
  /** Markdown. */
  text: string;
  docsUrl?: string;
}

/** @public */
export interface LevelDefinition {
  id: string;
  title: string;
}

/** @public */
export interface CategoryDefinition {
  id: string;
  title: string;
}

/** @public */
export interface CheckDefinition {
  id: string;
  title: string;
  description?: string;
  category: string;
  level: string;
  weight: number;
  condition: Condition;
  remediation: Remediation;
}

/**
 * Which entities a scorecard applies to.
 *
 * @public
 */
export interface EntitySelector {
  kinds: string[];
  /** When set, only entities whose `spec.type` is one of these. */
  types?: string[];
}

/** @public */
export interface ScorecardDefinition {
  id: string;
  title: string;
  description: string;
  appliesTo: EntitySelector;
  /** Ordered from the lowest to the highest level. */
  levels: LevelDefinition[];
  categories: CategoryDefinition[];
  checks: CheckDefinition[];
}

/**
 * A fact that a check's decision rested on.
 *
 * @public
 */
export interface Evidence {
  fact: string;
  key?: string;
  /** `null` when the fact was observed but holds no value for the key. */
  value: FactValue;
  source: string;
  observedAt: string;
}

/** @public */
export interface CheckResult {
  id: string;
  title: string;
  category: string;
  level: string;
  weight: number;
  status: CheckStatus;
  /** Why the check is not a pass, in words a service owner understands. */
  reason?: string;
  evidence: Evidence[];
  remediation: Remediation;
}

/** @public */
export interface CategoryScore {
  id: string;
  title: string;
  /** 0 to 100, or `null` when no check of the category applies. */
  score: number | null;
}

/** @public */
export type StatusCounts = Record<CheckStatus, number>;

/**
 * One scorecard evaluated for one entity.
 *
 * @public
 */
export interface ScorecardResult {
  scorecard: {
    id: string;
    title: string;
    description: string;
    levels: LevelDefinition[];
  };
  entityRef: string;
  /** 0 to 100: the weighted share of applicable checks that pass. */
  score: number;
  /** The highest level reached, or `null` below the first level. */
  level: string | null;
  /** The level to work on next, or `null` at the top. */
  nextLevel: string | null;
  categories: CategoryScore[];
  counts: StatusCounts;
  checks: CheckResult[];
  evaluatedAt: string;
}

/**
 * The body of `GET /api/readiness/entities/{kind}/{namespace}/{name}`.
 *
 * @public
 */
export interface EntityReadiness {
  entityRef: string;
  scorecards: ScorecardResult[];
}
