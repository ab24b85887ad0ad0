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
  /**
   * The id of the entity's badge on the scorecard: the one it has, or a new
   * random one; callers racing for the same pair all get the same id.
   */
  idFor(
    entityRef: string,
    scorecardId: string,
    createdBy: string,
  ): Promise<string>;

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
