/**
 * A badge: an entity's standing on one scorecard, under an unguessable id.
 *
 * @public
 */
export interface StoredBadge {
  id: string;
  entityRef: string;
  scorecardId: string;
  /** The entity's stored standing on the scorecard, if it has a result. */
  standing: StoredStanding | undefined;
}

/** What a badge shows: an entity on one scorecard. @public */
export type BadgeSubject = Pick<StoredBadge, 'entityRef' | 'scorecardId'>;

/** An entity's stored score and level on one scorecard. @public */
export interface StoredStanding {
  /** 0 to 100. */
  score: number;
  /** The level's id, or `null` below the first level. */
  level: string | null;
}

/**
 * The ids under which badges are served without a session, and the stored
 * standing a badge shows.
 *
 * @public
 */
export interface BadgeStore {
  /** Reads the id of the entity's badge on the scorecard, if it has one. */
  findId(entityRef: string, scorecardId: string): Promise<string | undefined>;

  /**
   * Makes the entity's badge on the scorecard under a new random id unless
   * it has one, then reads the pair's id: one insert attempt and one read,
   * so ask {@link BadgeStore.findId} first where a badge usually exists.
   * Callers racing for the same pair all get the same id, and `created` is
   * true only for the one whose insert made it.
   */
  getOrCreateId(
    entityRef: string,
    scorecardId: string,
    createdBy: string,
  ): Promise<{ id: string; created: boolean }>;

  /**
   * Reads what the badge with this id shows, if there is one, without its
   * standing (no join): for checks before {@link BadgeStore.revoke}.
   */
  subjectOf(id: string): Promise<BadgeSubject | undefined>;

  /**
   * Deletes the badge with this id, so that its address serves nothing and
   * the next {@link BadgeStore.getOrCreateId} of its entity and scorecard
   * makes a new id. Whether this call's delete took the row: of callers
   * racing to revoke the same id, only one is told true.
   */
  revoke(id: string): Promise<boolean>;

  /**
   * The badge with this id, if any, with its entity's stored standing: one
   * read, as anyone on the internet may ask.
   */
  find(id: string): Promise<StoredBadge | undefined>;

  /**
   * The entity's stored standing on the scorecard, if it has a stored
   * result; never evaluates.
   */
  storedStanding(
    entityRef: string,
    scorecardId: string,
  ): Promise<StoredStanding | undefined>;
}
