import type { NotificationSeverity } from '@backstage/plugin-notifications-common';
import type { Knex } from 'knex';

/**
 * The notification topics of Readiness: a user mutes one in the
 * notifications settings.
 *
 * @public
 */
export type NotificationTopic = 'readiness-regression' | 'readiness-campaign';

/**
 * One line of a digest: what happened to one entity, or in one campaign.
 *
 * @public
 */
export interface NotificationLine {
  /**
   * What the line is about, an entity ref or a campaign id: a digest lists
   * its lines grouped by it.
   */
  about: string;
  /** How the digest names it: the entity ref, or the campaign's title. */
  aboutTitle: string;
  scorecard: string;
  /** One line, e.g. "Silver → Bronze; failing: Requests are traced". */
  summary: string;
  /** The page that explains it, relative to the app's base URL. */
  link: string;
  severity: NotificationSeverity;
}

/** Something to tell a recipient in their next digest of a topic. @public */
export interface OutboxItem {
  /** Entity ref of a group (its members are told) or of a user. */
  recipient: string;
  topic: NotificationTopic;
  /** One row per fact: an item whose key is stored already is left out. */
  dedupeKey: string;
  /** The entity the line is about, if any. */
  entityRef: string | null;
  line: NotificationLine;
  createdAt: Date;
}

/** A digest one replica claimed, to send once. @public */
export interface ClaimedDigest {
  id: number;
  recipient: string;
  topic: NotificationTopic;
  /** The period it covers, e.g. `2027-01-10`. */
  period: string;
  /** Its lines, oldest first, at most the `maxLines` of the claim. */
  lines: NotificationLine[];
  /** All its lines, read or not. */
  total: number;
}

/**
 * How many digests one claim takes, and how many lines each reads.
 *
 * @public
 */
export interface ClaimLimits {
  digests: number;
  maxLines: number;
}

/**
 * Notifications waiting for their digest, and the digests sent: at most one
 * per recipient, topic and period, claimed before it is sent so that no
 * digest is sent twice, by two replicas or after a restart.
 *
 * @public
 */
export interface NotificationOutbox {
  /**
   * Stores items for their digest, in the given transaction (that of the
   * change they tell of) when there is one. Items whose dedupe key is
   * stored already are left out.
   */
  enqueue(items: OutboxItem[], tx?: Knex.Transaction): Promise<void>;

  /**
   * For each recipient and topic with waiting items and no digest of this
   * period yet, records the digest and gives it the waiting items, in one
   * transaction; one that another replica records first is skipped (its
   * items wait for the next period). Returns the digests claimed.
   */
  claimDigests(
    period: string,
    now: Date,
    limits: ClaimLimits,
  ): Promise<ClaimedDigest[]>;

  markSent(id: number, at: Date): Promise<void>;

  /** Records why a digest was not sent; it is not sent again. */
  markFailed(id: number, error: string): Promise<void>;

  /**
   * Removes digests claimed before `olderThan`, sent or not, and their
   * items; returns how many digests.
   */
  pruneSent(olderThan: Date): Promise<number>;
}
