import { Knex } from 'knex';
import { BADGES_TABLE, RESULTS_TABLE } from '../tables';
import { newBadgeId } from './badgeIds';
import {
  BadgeStore,
  BadgeSubject,
  StoredBadge,
  StoredStanding,
} from './BadgeStore';

interface BadgeRow {
  id: string;
  entity_ref: string;
  scorecard_id: string;
  created_by: string;
  /** Milliseconds since the epoch (bigint: a string on PostgreSQL). */
  created_at: number | string;
}

/** The knex implementation of {@link BadgeStore}. */
export class DatabaseBadgeStore implements BadgeStore {
  constructor(
    private readonly db: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  async findId(
    entityRef: string,
    scorecardId: string,
  ): Promise<string | undefined> {
    const row = await this.db<BadgeRow>(BADGES_TABLE)
      .where({ entity_ref: entityRef, scorecard_id: scorecardId })
      .first('id');
    return row?.id;
  }

  async getOrCreateId(
    entityRef: string,
    scorecardId: string,
    createdBy: string,
  ): Promise<{ id: string; created: boolean }> {
    // Whoever inserts first wins; the others' inserts do nothing and all
    // read the winner's id.
    const minted = newBadgeId();
    await this.db<BadgeRow>(BADGES_TABLE)
      .insert({
        id: minted,
        entity_ref: entityRef,
        scorecard_id: scorecardId,
        created_by: createdBy,
        created_at: this.now(),
      })
      .onConflict(['entity_ref', 'scorecard_id'])
      .ignore();
    const id = await this.findId(entityRef, scorecardId);
    if (!id) {
      throw new Error(
        `The badge of ${entityRef} on ${scorecardId} was not stored`,
      );
    }
    return { id, created: id === minted };
  }

  async subjectOf(id: string): Promise<BadgeSubject | undefined> {
    const row = await this.db<BadgeRow>(BADGES_TABLE)
      .where({ id })
      .first('entity_ref', 'scorecard_id');
    return row && { entityRef: row.entity_ref, scorecardId: row.scorecard_id };
  }

  async revoke(id: string): Promise<boolean> {
    // The database counts each row deleted once, for one of racing callers.
    const deleted = await this.db(BADGES_TABLE).where({ id }).delete();
    return deleted > 0;
  }

  async find(id: string): Promise<StoredBadge | undefined> {
    const row:
      | {
          id: string;
          entity_ref: string;
          scorecard_id: string;
          score: number | string | null;
          level: string | null;
        }
      | undefined = await this.db(`${BADGES_TABLE} as b`)
      .leftJoin(`${RESULTS_TABLE} as r`, join =>
        join
          .on('r.entity_ref', '=', 'b.entity_ref')
          .andOn('r.scorecard_id', '=', 'b.scorecard_id'),
      )
      .where('b.id', id)
      .first('b.id', 'b.entity_ref', 'b.scorecard_id', 'r.score', 'r.level');
    return (
      row && {
        id: row.id,
        entityRef: row.entity_ref,
        scorecardId: row.scorecard_id,
        // score is NOT NULL in results: null means the entity has none.
        standing:
          row.score === null
            ? undefined
            : { score: Number(row.score), level: row.level },
      }
    );
  }

  async storedStanding(
    entityRef: string,
    scorecardId: string,
  ): Promise<StoredStanding | undefined> {
    const row: { score: number | string; level: string | null } | undefined =
      await this.db(RESULTS_TABLE)
        .where({ entity_ref: entityRef, scorecard_id: scorecardId })
        .first('score', 'level');
    return row && { score: Number(row.score), level: row.level };
  }
}
