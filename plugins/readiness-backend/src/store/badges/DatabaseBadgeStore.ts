import { Knex } from 'knex';
import { RESULTS_TABLE } from '../tables';
import { newBadgeId } from './badgeIds';
import { BadgeStore, StoredBadge, StoredStanding } from './BadgeStore';

const BADGES_TABLE = 'readiness_badges';

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

  async idFor(
    entityRef: string,
    scorecardId: string,
    createdBy: string,
  ): Promise<string> {
    const existing = await this.idOf(entityRef, scorecardId);
    if (existing) {
      return existing;
    }
    // Whoever inserts first wins; the others' inserts do nothing and all
    // read the winner's id.
    await this.db<BadgeRow>(BADGES_TABLE)
      .insert({
        id: newBadgeId(),
        entity_ref: entityRef,
        scorecard_id: scorecardId,
        created_by: createdBy,
        created_at: this.now(),
      })
      .onConflict(['entity_ref', 'scorecard_id'])
      .ignore();
    const id = await this.idOf(entityRef, scorecardId);
    if (!id) {
      throw new Error(
        `The badge of ${entityRef} on ${scorecardId} was not stored`,
      );
    }
    return id;
  }

  async find(id: string): Promise<StoredBadge | undefined> {
    const row = await this.db<BadgeRow>(BADGES_TABLE)
      .where({ id })
      .first('id', 'entity_ref', 'scorecard_id');
    return (
      row && {
        id: row.id,
        entityRef: row.entity_ref,
        scorecardId: row.scorecard_id,
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

  private async idOf(
    entityRef: string,
    scorecardId: string,
  ): Promise<string | undefined> {
    const row = await this.db<BadgeRow>(BADGES_TABLE)
      .where({ entity_ref: entityRef, scorecard_id: scorecardId })
      .first('id');
    return row?.id;
  }
}
