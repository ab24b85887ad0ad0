import type { Knex } from 'knex';
import type {
  CampaignDefinition,
  CampaignProgress,
  ReadinessChange,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';

/**
 * A change the result writer recorded in the history, with the result it
 * led to and the owner the entity declares.
 */
export interface RecordedChange {
  entityRef: string;
  /** The entity's owner ref, `null` when it declares none. */
  owner: string | null;
  change: ReadinessChange;
  result: ScorecardResult;
}

/**
 * Told of the changes a result write recorded: `inTransaction` writes with
 * them (a notification to send later commits or rolls back with the
 * change); `afterCommit` reacts once they are stored (events), and its
 * failures are logged, never thrown.
 */
export interface ResultChangeListener {
  inTransaction?(
    tx: Knex.Transaction,
    changes: RecordedChange[],
  ): Promise<void>;
  afterCommit?(changes: RecordedChange[]): Promise<void>;
}

/** What a campaign reaches once: `reminder` carries its days in `milestone`. */
export type CampaignMilestoneKind =
  | 'started'
  | 'reminder'
  | 'due'
  | 'completed';

/** Where one owner's entities stand in a campaign at a milestone. */
export interface CampaignOwnerStanding {
  /** Entity ref of the owner; `null` for entities that declare none. */
  owner: string | null;
  targeted: number;
  /** Entities that do not meet the goal. */
  open: number;
  /** The first open ones, at most 5. */
  openEntities: string[];
  /** The checks they still need, most needed first, at most 10. */
  openChecks: string[];
}

/** A milestone a campaign has just reached, with its progress then. */
export interface CampaignMilestone {
  campaign: CampaignDefinition;
  kind: CampaignMilestoneKind;
  /** Its key: `started`, `reminder-14d`, `due` or `completed`. */
  milestone: string;
  reachedAt: Date;
  progress: CampaignProgress;
  /** Per owner with targeted entities, at most 1,000. */
  owners: CampaignOwnerStanding[];
}

/**
 * Told of each milestone once, across replicas: `inTransaction` runs in the
 * transaction that inserts the milestone (whose primary key lets only one
 * replica insert it); `afterCommit` after it, failures logged.
 */
export interface CampaignMilestoneListener {
  inTransaction?(
    tx: Knex.Transaction,
    milestone: CampaignMilestone,
  ): Promise<void>;
  afterCommit?(milestone: CampaignMilestone): Promise<void>;
}
