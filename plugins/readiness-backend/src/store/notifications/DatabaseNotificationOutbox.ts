import { Knex } from 'knex';
import { chunks, ROWS_PER_STATEMENT } from '../batches';
import { withDeadlockRetries } from '../deadlockRetries';
import { isUniqueViolation } from '../dialect';
import {
  NOTIFICATION_DIGESTS_TABLE,
  NOTIFICATION_OUTBOX_TABLE,
} from '../tables';
import {
  ClaimedDigest,
  ClaimLimits,
  NotificationLine,
  NotificationOutbox,
  NotificationTopic,
  OutboxItem,
} from './NotificationOutbox';

/** A row of the outbox: one line waiting for, or taken by, a digest. */
interface OutboxRow {
  recipient: string;
  topic: NotificationTopic;
  dedupe_key: string;
  entity_ref: string | null;
  /** JSON of a {@link NotificationLine}. */
  payload: string;
  created_at: number;
  digest_id: number | null;
}

/** The longest error kept of a digest that could not be sent. */
const MAX_ERROR_LENGTH = 2000;

/**
 * The knex implementation of {@link NotificationOutbox}. A digest is a row
 * inserted under a unique (recipient, topic, period) key in the
 * transaction that hands it the waiting lines: of two replicas claiming
 * the same digest, the second's insert fails (or, on PostgreSQL and MySQL,
 * waits for the first to commit and then fails) and it skips that digest.
 */
export class DatabaseNotificationOutbox implements NotificationOutbox {
  constructor(private readonly db: Knex) {}

  async enqueue(items: OutboxItem[], tx?: Knex.Transaction): Promise<void> {
    const rows: OutboxRow[] = items.map(item => ({
      recipient: item.recipient,
      topic: item.topic,
      dedupe_key: item.dedupeKey,
      entity_ref: item.entityRef,
      payload: JSON.stringify(item.line),
      created_at: item.createdAt.getTime(),
      digest_id: null,
    }));
    const db = tx ?? this.db;
    for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) {
      await db(NOTIFICATION_OUTBOX_TABLE)
        .insert(chunk)
        .onConflict('dedupe_key')
        .ignore();
    }
  }

  async claimDigests(
    period: string,
    now: Date,
    limits: ClaimLimits,
  ): Promise<ClaimedDigest[]> {
    const claimed: ClaimedDigest[] = [];
    for (const { recipient, topic } of await this.waiting(period, limits)) {
      const id = await this.claim(recipient, topic, period, now);
      if (id !== undefined) {
        claimed.push({
          id,
          recipient,
          topic,
          period,
          ...(await this.linesOf(id, limits.maxLines)),
        });
      }
    }
    return claimed;
  }

  async markSent(id: number, at: Date): Promise<void> {
    await this.db(NOTIFICATION_DIGESTS_TABLE)
      .where({ id })
      .update({ status: 'sent', sent_at: at.getTime() });
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.db(NOTIFICATION_DIGESTS_TABLE)
      .where({ id })
      .update({ status: 'failed', error: error.slice(0, MAX_ERROR_LENGTH) });
  }

  async pruneSent(olderThan: Date): Promise<number> {
    let pruned = 0;
    // A batch at a time: memory and statements stay bounded however many.
    for (;;) {
      const ids = (
        await this.db(NOTIFICATION_DIGESTS_TABLE)
          .where('claimed_at', '<', olderThan.getTime())
          .limit(ROWS_PER_STATEMENT)
          .select('id')
      ).map((row: { id: number | string }) => Number(row.id));
      if (ids.length === 0) {
        return pruned;
      }
      await this.db.transaction(async tx => {
        await tx(NOTIFICATION_OUTBOX_TABLE).whereIn('digest_id', ids).delete();
        await tx(NOTIFICATION_DIGESTS_TABLE).whereIn('id', ids).delete();
      });
      pruned += ids.length;
    }
  }

  /**
   * Recipients and topics with waiting lines and no digest of the period,
   * those waiting longest first.
   */
  private async waiting(
    period: string,
    limits: ClaimLimits,
  ): Promise<Array<{ recipient: string; topic: NotificationTopic }>> {
    const rows: Array<{ recipient: string; topic: NotificationTopic }> =
      await this.db(`${NOTIFICATION_OUTBOX_TABLE} as o`)
        .whereNull('o.digest_id')
        .whereNotExists(query =>
          query
            .select(this.db.raw('1'))
            .from(`${NOTIFICATION_DIGESTS_TABLE} as d`)
            .whereRaw('d.recipient = o.recipient')
            .whereRaw('d.topic = o.topic')
            .where('d.period', period),
        )
        .groupBy('o.recipient', 'o.topic')
        .select('o.recipient', 'o.topic', this.db.raw('min(o.id) as first_id'))
        .orderBy('first_id')
        .limit(limits.digests);
    return rows;
  }

  /** The id of the digest recorded, or `undefined` when one exists. */
  private async claim(
    recipient: string,
    topic: NotificationTopic,
    period: string,
    now: Date,
  ): Promise<number | undefined> {
    try {
      return await withDeadlockRetries(() =>
        this.db.transaction(async tx => {
          const key = { recipient, topic, period };
          await tx(NOTIFICATION_DIGESTS_TABLE).insert({
            ...key,
            status: 'sending',
            claimed_at: now.getTime(),
          });
          const { id } = await tx(NOTIFICATION_DIGESTS_TABLE)
            .where(key)
            .first('id');
          await tx(NOTIFICATION_OUTBOX_TABLE)
            .where({ recipient, topic })
            .whereNull('digest_id')
            .update({ digest_id: id });
          return Number(id);
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        return undefined;
      }
      throw error;
    }
  }

  private async linesOf(
    digestId: number,
    maxLines: number,
  ): Promise<{ lines: NotificationLine[]; total: number }> {
    const rows: Array<Pick<OutboxRow, 'payload'>> = await this.db(
      NOTIFICATION_OUTBOX_TABLE,
    )
      .where('digest_id', digestId)
      .orderBy('id')
      .limit(maxLines)
      .select('payload');
    const [{ total }] = await this.db(NOTIFICATION_OUTBOX_TABLE)
      .where('digest_id', digestId)
      .count({ total: '*' });
    return {
      lines: rows.map(row => JSON.parse(row.payload) as NotificationLine),
      total: Number(total),
    };
  }
}
