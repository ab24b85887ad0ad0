import type { FilterPredicate } from '@backstage/filter-predicates';

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
 * The type of a fact's value; `string-list` is `string[]`, `string-map` is a
 * record of strings (such as annotations).
 *
 * @public
 */
export type FactType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'string-list'
  | 'string-map';

/**
 * A fact that a collector provides: what scorecards may refer to.
 *
 * @public
 */
export interface FactDefinition {
  /** Starts with the collector id and a dot, e.g. `github.branchProtection`. */
  name: string;
  type: FactType;
  description: string;
}

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

/** A value a condition compares a fact with. @public */
export type Scalar = string | number | boolean;

/**
 * A leaf condition: one fact (and, for map-valued facts, a `key` inside it)
 * and exactly one operator, optionally with `maxAge`.
 *
 * @public
 */
export interface FactCondition {
  fact: string;
  key?: string;
  /**
   * The fact must have been observed within this duration (ISO 8601, e.g.
   * `P7D`, or `30m`, `12h`, `7d`); an older fact makes the condition
   * `unknown` (stale). Alone, it asserts only freshness.
   */
  maxAge?: string;
  exists?: boolean;
  equals?: Scalar;
  notEquals?: Scalar;
  in?: Scalar[];
  /** A list holds the element, or a string holds the substring. */
  contains?: string;
  /** A string starts with it. */
  prefix?: string;
  /** A string matches this regular expression (checked to be safe). */
  matches?: string;
  lt?: number;
  lte?: number;
  gt?: number;
  gte?: number;
}

/**
 * The outcome of another check of the same scorecard, as a condition.
 *
 * @public
 */
export interface CheckReference {
  check: string;
}

/**
 * A process that no file or integration proves, attested by the entity's
 * owners (e.g. `dr-rehearsed`): the condition holds, with basis `attested`,
 * while an active attestation of that name is at most `maxAge` old, and is
 * `unknown` otherwise.
 *
 * @public
 */
export interface AttestationCondition {
  /** The attestation's id: lower-case letters, digits and dashes. */
  attestation: string;
  /** ISO 8601 duration or `30m`/`12h`/`7d`; without it one never ages. */
  maxAge?: string;
}

/**
 * A condition over facts: `all`, `any`, `not`, `firstKnown`, a fact leaf, an
 * attestation or a reference to another check. `firstKnown` is decided by the first of its
 * parts that is not unknown: verified evidence (an integration's fact) first,
 * declared evidence (the catalog) when the integration cannot tell.
 *
 * @public
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { firstKnown: Condition[] }
  | { not: Condition }
  | FactCondition
  | AttestationCondition
  | CheckReference;

/**
 * Which entities something applies to, in the syntax of
 * `@backstage/filter-predicates` (e.g. `{ kind: component, spec.type: { $in: [service] } }`).
 *
 * @public
 */
export type EntityPredicate = FilterPredicate;

/** @public */
export interface Remediation {
  /** Markdown. */
  text: string;
  docsUrl?: string;
  /** Entity ref of a Scaffolder template that fixes the check. */
  template?: string;
}

/** @public */
export interface LevelDefinition {
  id: string;
  title: string;
  description?: string;
}

/** @public */
export interface CategoryDefinition {
  id: string;
  title: string;
  description?: string;
  /** The category's checks are `not-applicable` to other entities. */
  appliesTo?: EntityPredicate;
}

/**
 * How much a failing check matters; maps to a weight when no `weight` is
 * given (critical 10, high 5, medium 3, low 1).
 *
 * @public
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** @public */
export interface CheckDefinition {
  id: string;
  title: string;
  description?: string;
  category: string;
  level: string;
  /** Positive; resolved from `severity` when the document gives one. */
  weight: number;
  severity?: Severity;
  /** The check is `not-applicable` to other entities. */
  appliesTo?: EntityPredicate;
  condition: Condition;
  remediation: Remediation;
  /** `false`: owners may not request an exemption from it. Default `true`. */
  exemptible?: boolean;
  /**
   * `advisory`: a failing result is a warning that neither lowers the score
   * nor blocks a level. Default `enforced`.
   */
  enforcement?: CheckEnforcement;
  /**
   * YYYY-MM-DD: the check is advisory before this (UTC) day and enforced
   * from it on. Not together with `enforcement: advisory`.
   */
  enforcedFrom?: string;
}

/** Whether a failing check counts. @public */
export type CheckEnforcement = 'enforced' | 'advisory';

/**
 * Why a check does not count yet: it is advisory, until `enforcedFrom`
 * when a date is set (its own, or the deadline of a campaign that promotes
 * it, named in `campaign`).
 *
 * @public
 */
export interface CheckAdvisory {
  /** YYYY-MM-DD, the first day it is enforced; absent: advisory for now. */
  enforcedFrom?: string;
  /** The campaign whose deadline enforces it. */
  campaign?: string;
}

/**
 * An accepted exception: the check is `waived` for matching entities until
 * it expires.
 *
 * @public
 */
export interface WaiverDefinition {
  check: string;
  entities: EntityPredicate;
  reason: string;
  /** ISO 8601 date or time; the waiver stops applying after it. */
  expires?: string;
}

/** @public */
export interface ScorecardDefinition {
  id: string;
  title: string;
  description: string;
  /** Entity ref of the group that maintains the scorecard. */
  owner?: string;
  appliesTo: EntityPredicate;
  /** Ordered from the lowest to the highest level. */
  levels: LevelDefinition[];
  categories: CategoryDefinition[];
  checks: CheckDefinition[];
  waivers?: WaiverDefinition[];
  /** Rules for exemptions owners request (`spec.exemptions`). */
  exemptions?: ExemptionRules;
  /** Rules for attestations owners give (`spec.attestations`). */
  attestations?: AttestationRules;
}

/** @public */
export interface ExemptionRules {
  /** The longest an exemption may last, in days from its request. */
  maxDays: number;
}

/** @public */
export interface AttestationRules {
  /** An approver must confirm an attestation before it counts. */
  requireConfirmation: boolean;
}
