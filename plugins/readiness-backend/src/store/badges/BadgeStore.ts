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
  /** The id of the entity's badge on the scorecard, if it has one. */
  idOf(entityRef: string, scorecardId: string): Promise<string | undefined>;

  /**
   * The id of the entity's badge on the scorecard: the one it has, or a new
   * random one; callers racing for the same pair all get the same id, and
   * `created` is true for the one whose id it is.
   */
  idFor(
    entityRef: string,
    scorecardId: string,
    createdBy: string,
  ): Promise<{ id: string; created: boolean }>;

  /**
   * Deletes the badge with this id, so that its address serves nothing and
   * the next {@link BadgeStore.idFor} of its entity and scorecard makes a
   * new id. What it was a badge of, or `undefined` when there was none.
   */
  revoke(id: string): Promise<BadgeSubject | undefined>;

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
