/*
 * Campaigns: a scorecard's checks or level asked of a set of entities by a
 * date. The document (`kind: Campaign`), what an entity's result says of
 * it, and the shapes of the REST API (`/campaigns`).
 */
import type { ScorecardProblem } from './schema';
import type { EntityPredicate } from './types';

/**
 * What a campaign asks for: that some checks pass, or that a level is
 * reached.
 *
 * @public
 */
export type CampaignGoal = { checks: string[] } | { level: string };

/**
 * A `readiness/v1` `kind: Campaign` document, validated.
 *
 * @public
 */
export interface CampaignDefinition {
  /** `metadata.name`. */
  id: string;
  title: string;
  /** Markdown. */
  description?: string;
  /** Entity ref of the group that runs the campaign. */
  owner?: string;
  scorecard: string;
  goal: CampaignGoal;
  /** Narrows the scorecard's entities; all of them when absent. */
  appliesTo?: EntityPredicate;
  /** YYYY-MM-DD (UTC), the first day of the campaign. */
  startsAt: string;
  /** YYYY-MM-DD (UTC), the last day to meet the goal. */
  dueAt: string;
  /**
   * Whole days before `dueAt` at which owners with open items are reminded,
   * largest first; from `reminders: [14d, 7d, 1d]` (the default).
   */
  reminderDays: number[];
  /**
   * `promote`: the goal's advisory checks are enforced from the day after
   * `dueAt`.
   */
  onComplete?: { promote: boolean };
}

/**
 * Where one entity stands in one campaign that targets it, as part of its
 * scorecard result.
 *
 * @public
 */
export interface CampaignItem {
  campaign: string;
  title: string;
  /** YYYY-MM-DD. */
  startsAt: string;
  /** YYYY-MM-DD. */
  dueAt: string;
  /** The goal is met: its checks pass (or are waived or not applicable), or the level is reached. */
  met: boolean;
  /**
   * The check ids still to fix: for a checks goal, those of the goal that do
   * not pass; for a level goal, the counted checks up to that level that do
   * not pass. Empty when met.
   */
  openChecks: string[];
  /**
   * The level the entity would have were the campaign's advisory checks
   * enforced now; present only for a campaign that promotes advisory checks.
   */
  levelIfEnforced?: string | null;
}

/**
 * Where a campaign stands in time: `scheduled` before it starts, `running`
 * until its deadline passes, then `ended`.
 *
 * @public
 */
export type CampaignPhase = 'scheduled' | 'running' | 'ended';

/** Targeted entities and how many meet the goal. @public */
export interface CampaignProgress {
  targeted: number;
  met: number;
  /** `met / targeted`, 0 to 1; `null` when nothing is targeted. */
  share: number | null;
}

/**
 * A campaign with its progress, as listed by `GET /api/readiness/campaigns`.
 *
 * @public
 */
export interface CampaignSummary extends CampaignProgress {
  id: string;
  title: string;
  description?: string;
  owner?: string;
  scorecard: string;
  goal: CampaignGoal;
  startsAt: string;
  dueAt: string;
  phase: CampaignPhase;
  /** Whole days until the end of `dueAt` (0 on that day), negative after. */
  daysLeft: number;
  /** Entities that met the goal once and no longer do. */
  regressed: number;
  /** The file or app-config entry that defines it. */
  source: string;
}

/** The body of `GET /api/readiness/campaigns`. @public */
export interface CampaignList {
  items: CampaignSummary[];
  /** Problems that kept a configured campaign (or a new version) out. */
  problems: ScorecardProblem[];
}

/** Progress of the entities of one owner, system or domain. @public */
export interface CampaignGroupProgress extends CampaignProgress {
  /** The group's entity ref; `null` for entities that declare none. */
  group: string | null;
}

/** One day of a campaign's burn-up, as recorded that day. @public */
export interface CampaignBurnUpPoint {
  /** YYYY-MM-DD. */
  day: string;
  targeted: number;
  met: number;
}

/**
 * How levels would change were the campaign's advisory checks enforced
 * now: entities per (current level, level when enforced) pair that differ.
 *
 * @public
 */
export interface CampaignEnforcementPreview {
  /** The goal's checks that are advisory now. */
  checks: string[];
  /** YYYY-MM-DD, when they are enforced; `null` when the campaign does not promote them. */
  enforcedFrom: string | null;
  levelChanges: Array<{
    from: string | null;
    to: string | null;
    entities: number;
  }>;
}

/** One targeted entity of a campaign. @public */
export interface CampaignEntity {
  entityRef: string;
  owner: string | null;
  system: string | null;
  domain: string | null;
  level: string | null;
  met: boolean;
  openChecks: string[];
  /** ISO time it first met the goal. */
  metAt?: string;
  /** ISO time it last stopped meeting the goal after meeting it. */
  regressedAt?: string;
}

/** A page of a campaign's entities, in entity ref order. @public */
export interface CampaignEntityPage {
  items: CampaignEntity[];
  /** Entities matching the filter in all. */
  total: number;
  /** Pass as `cursor` for the next page; absent on the last. */
  nextCursor?: string;
}

/**
 * The body of `GET /api/readiness/campaigns/{name}`.
 *
 * @public
 */
export interface CampaignDetails {
  campaign: CampaignSummary;
  definition: CampaignDefinition;
  /** At most 500 groups each, the least advanced first. */
  byOwner: CampaignGroupProgress[];
  bySystem: CampaignGroupProgress[];
  byDomain: CampaignGroupProgress[];
  /** From `startsAt` to today (or `dueAt`), one point per recorded day. */
  burnUp: CampaignBurnUpPoint[];
  /**
   * YYYY-MM-DD when every targeted entity would meet the goal at the pace
   * of the burn-up; `null` when there is no pace to project from, or it is met.
   */
  projectedCompletion: string | null;
  /** Present when the goal has advisory checks. */
  enforcement?: CampaignEnforcementPreview;
  /** The first page of entities that do not meet the goal (the query's `status`, `owner`, `limit`, `cursor` choose another). */
  entities: CampaignEntityPage;
}

/**
 * The body of `GET /api/readiness/entities/{kind}/{namespace}/{name}/campaigns`:
 * the campaigns that target the entity, from its stored results, soonest due first.
 *
 * @public
 */
export interface EntityCampaigns {
  entityRef: string;
  items: Array<CampaignItem & { scorecard: string }>;
}
