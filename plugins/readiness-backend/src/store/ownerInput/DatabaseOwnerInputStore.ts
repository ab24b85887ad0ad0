import { randomUUID } from 'node:crypto';
import { OwnerInputStatus } from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { chunks, ROWS_PER_STATEMENT } from '../batches';
import { withDeadlockRetries } from '../deadlockRetries';
import { isUniqueViolation } from '../dialect';
import { rowsOfOuterEntity } from '../resultQueries';
import { RESULTS_TABLE } from '../tables';
import {
  NEWEST_FIRST,
  newestFirst,
  withSubjectsAndEvents,
} from './ownerInputReads';
import {
  EVENTS_TABLE,
  EventRow,
  OWNER_INPUTS_TABLE,
  OwnerInputRow,
  pendingKey,
  SUBJECTS_TABLE,
  SubjectRow,
} from './ownerInputRows';
import {
  NewOwnerInput,
  OwnerInputClosing,
  OwnerInputDecisionToStore,
  OwnerInputFilter,
  OwnerInputKind,
  OwnerInputStore,
  PendingRequestExistsError,
  StoredOwnerInput,
} from './OwnerInputStore';

/** The columns a transition sets: always the status. */
type TransitionChange = Partial<OwnerInputRow> & { status: OwnerInputStatus };

/**
 * The knex implementation of {@link OwnerInputStore}. Every transition is
 * one UPDATE conditional on the status, in a transaction with its event:
 * the number of rows it changed says whether it happened, so of two
 * racing approvers exactly one records a decision.
 */
export class DatabaseOwnerInputStore implements OwnerInputStore {
  constructor(private readonly db: Knex) {}

  async create(input: NewOwnerInput): Promise<StoredOwnerInput> {
    // Subjects in one order, so that two racing requests lock their pending
    // keys in the same order and wait rather than deadlock.
    const subjects = [...new Set(input.subjects)].sort();
    const pending = input.status === 'pending';
    if (pending) {
      // The common case, with the clearest error before anything is written.
      await this.throwIfPending(input, subjects);
    }
    const id = randomUUID();
    try {
      return await withDeadlockRetries(() =>
        this.db.transaction(async tx => {
          const row: OwnerInputRow = {
            id,
            kind: input.kind,
            entity_ref: input.entityRef,
            scorecard_id: input.scorecardId,
            text: input.text,
            link: input.link ?? null,
            expires_at: input.expiresAt ?? null,
            status: input.status,
            requested_by: input.requestedBy,
            requested_at: input.requestedAt,
            decided_by: null,
            decided_at: null,
            decision_comment: null,
            closed_by: null,
            closed_at: null,
            close_comment: null,
          };
          await tx(OWNER_INPUTS_TABLE).insert(row);
          const subjectRows: SubjectRow[] = subjects.map(subject => ({
            owner_input_id: id,
            subject,
            pending_key: pending
              ? pendingKey(
                  input.kind,
                  input.entityRef,
                  input.scorecardId,
                  subject,
                )
              : null,
          }));
          await tx.batchInsert(SUBJECTS_TABLE, subjectRows, ROWS_PER_STATEMENT);
          const requested: EventRow = {
            owner_input_id: id,
            action: 'requested',
            actor: input.requestedBy,
            at: input.requestedAt,
            comment: null,
          };
          await tx(EVENTS_TABLE).insert(requested);
          return (await this.read(tx, input.kind, id))!;
        }),
      );
    } catch (error) {
      // Another request for a subject got in between the check and the
      // insert: the unique pending key let only one of them be pending.
      if (pending && isUniqueViolation(error)) {
        await this.throwIfPending(input, subjects);
      }
      throw error;
    }
  }

  async get(
    kind: OwnerInputKind,
    id: string,
  ): Promise<StoredOwnerInput | undefined> {
    return this.read(this.db, kind, id);
  }

  async list(filter: OwnerInputFilter): Promise<StoredOwnerInput[]> {
    const page = (narrow: (query: Knex.QueryBuilder) => void) =>
      this.matching(filter)
        .modify(narrow)
        .orderBy(NEWEST_FIRST)
        .limit(filter.limit)
        .select(`${OWNER_INPUTS_TABLE}.*`);
    let rows: OwnerInputRow[];
    if (!filter.visible) {
      rows = await page(() => {});
    } else {
      // A page from each chunk of the visible entities, then the newest of
      // them: no query carries more refs than databases accept.
      rows = [];
      for (const refs of chunks([...filter.visible], ROWS_PER_STATEMENT)) {
        rows.push(
          ...(await page(query =>
            query.whereIn(`${OWNER_INPUTS_TABLE}.entity_ref`, refs),
          )),
        );
      }
      rows = rows.sort(newestFirst).slice(0, filter.limit);
    }
    return withSubjectsAndEvents(this.db, rows);
  }

  async activeFor(
    entityRef: string,
    options: { expiredSince?: string } = {},
  ): Promise<StoredOwnerInput[]> {
    const { expiredSince } = options;
    const rows: OwnerInputRow[] = await this.db(OWNER_INPUTS_TABLE)
      .where({ entity_ref: entityRef })
      .where(q => {
        q.where({ status: 'active' });
        if (expiredSince !== undefined) {
          q.orWhere(expired =>
            expired
              .where({ status: 'expired' })
              .where('expires_at', '>=', expiredSince),
          );
        }
      })
      .orderBy(NEWEST_FIRST)
      .select();
    return withSubjectsAndEvents(this.db, rows);
  }

  async decide(
    kind: OwnerInputKind,
    id: string,
    decision: OwnerInputDecisionToStore,
  ): Promise<StoredOwnerInput | undefined> {
    return this.transition(
      kind,
      id,
      ['pending'],
      {
        status: decision.approve ? 'active' : 'rejected',
        decided_by: decision.by,
        decided_at: decision.at,
        decision_comment: decision.comment,
        ...(decision.approve &&
          decision.expiresAt !== undefined && {
            expires_at: decision.expiresAt,
          }),
      },
      {
        action: decision.approve ? 'approved' : 'rejected',
        actor: decision.by,
        at: decision.at,
        comment: decision.comment,
      },
    );
  }

  async revoke(
    kind: OwnerInputKind,
    id: string,
    closing: OwnerInputClosing,
  ): Promise<StoredOwnerInput | undefined> {
    return this.transition(
      kind,
      id,
      ['pending', 'active'],
      {
        status: 'revoked',
        closed_by: closing.by,
        closed_at: closing.at,
        close_comment: closing.comment ?? null,
      },
      {
        action: 'revoked',
        actor: closing.by,
        at: closing.at,
        comment: closing.comment ?? null,
      },
    );
  }

  async expireExemptions(today: string, at: Date): Promise<StoredOwnerInput[]> {
    const due: Array<Pick<OwnerInputRow, 'id'>> = await this.db(
      OWNER_INPUTS_TABLE,
    )
      .where({ kind: 'exemption' })
      .whereIn('status', ['active', 'pending'])
      .where('expires_at', '<', today)
      .orderBy(['expires_at', 'id'])
      .select('id');
    const expired: StoredOwnerInput[] = [];
    for (const { id } of due) {
      // Each on its own conditional update: a replica expiring at the same
      // time, or a revocation in between, leaves one closing per exemption.
      // A request still pending after its end date expires too, so that it
      // no longer blocks new requests for its checks.
      const closed = await this.transition(
        'exemption',
        id,
        ['active', 'pending'],
        { status: 'expired', closed_by: null, closed_at: at },
        { action: 'expired', actor: null, at, comment: null },
      );
      if (closed) {
        expired.push(closed);
      }
    }
    return expired;
  }

  /**
   * Moves one owner input from one of these statuses, frees its pending
   * keys and records the event, in one transaction; `undefined`, with
   * nothing written, when it is in none of them (or does not exist).
   */
  private async transition(
    kind: OwnerInputKind,
    id: string,
    from: OwnerInputStatus[],
    change: TransitionChange,
    event: Omit<EventRow, 'owner_input_id'>,
  ): Promise<StoredOwnerInput | undefined> {
    return withDeadlockRetries(() =>
      this.db.transaction(async tx => {
        const changed = await tx(OWNER_INPUTS_TABLE)
          .where({ id, kind })
          .whereIn('status', from)
          .update(change);
        if (Number(changed) === 0) {
          return undefined;
        }
        await tx(SUBJECTS_TABLE)
          .where({ owner_input_id: id })
          .whereNotNull('pending_key')
          .update({ pending_key: null });
        await tx(EVENTS_TABLE).insert({ owner_input_id: id, ...event });
        return this.read(tx, kind, id);
      }),
    );
  }

  private async read(
    db: Knex | Knex.Transaction,
    kind: OwnerInputKind,
    id: string,
  ): Promise<StoredOwnerInput | undefined> {
    const row: OwnerInputRow | undefined = await db(OWNER_INPUTS_TABLE)
      .where({ id, kind })
      .first();
    if (!row) {
      return undefined;
    }
    const [stored] = await withSubjectsAndEvents(db, [row]);
    return stored;
  }

  /** Throws PendingRequestExistsError for the first subject pending. */
  private async throwIfPending(
    input: NewOwnerInput,
    subjects: string[],
  ): Promise<void> {
    const keys = subjects.map(subject =>
      pendingKey(input.kind, input.entityRef, input.scorecardId, subject),
    );
    const pending: SubjectRow | undefined = await this.db(SUBJECTS_TABLE)
      .whereIn('pending_key', keys)
      .orderBy('subject')
      .first();
    if (pending) {
      throw new PendingRequestExistsError(
        pending.subject,
        pending.owner_input_id,
      );
    }
  }

  /** The owner inputs matching the filter, but for the visible entities. */
  private matching(filter: OwnerInputFilter): Knex.QueryBuilder {
    const column = (name: string) => `${OWNER_INPUTS_TABLE}.${name}`;
    const query = this.db(OWNER_INPUTS_TABLE).where(
      column('kind'),
      filter.kind,
    );
    if (filter.entityRef !== undefined) {
      query.where(column('entity_ref'), filter.entityRef);
    }
    if (filter.scorecardId !== undefined) {
      query.where(column('scorecard_id'), filter.scorecardId);
    }
    if (filter.status !== undefined) {
      query.where(column('status'), filter.status);
    }
    if (filter.expiringBy !== undefined) {
      query
        .where(column('status'), 'active')
        .where(column('expires_at'), '<=', filter.expiringBy);
    }
    if (filter.ownerRef !== undefined) {
      // The owner as the entity's latest result on the scorecard names it.
      query.whereExists(
        rowsOfOuterEntity(this.db, RESULTS_TABLE, OWNER_INPUTS_TABLE)
          .whereRaw('??.?? = ??.??', [
            RESULTS_TABLE,
            'scorecard_id',
            OWNER_INPUTS_TABLE,
            'scorecard_id',
          ])
          .where(`${RESULTS_TABLE}.owner_ref`, filter.ownerRef),
      );
    }
    return query;
  }
}
