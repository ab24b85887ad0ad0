import { Knex } from 'knex';
import { chunks, ROWS_PER_STATEMENT } from '../batches';
import {
  EVENTS_TABLE,
  EventRow,
  OwnerInputRow,
  storedOwnerInputOf,
  SUBJECTS_TABLE,
  SubjectRow,
} from './ownerInputRows';
import { StoredOwnerInput } from './OwnerInputStore';

/** The order of every list: newest request first, then by id. */
export const NEWEST_FIRST: Array<{ column: string; order: 'desc' }> = [
  { column: 'requested_at', order: 'desc' },
  { column: 'id', order: 'desc' },
];

/** {@link NEWEST_FIRST} for rows read in several queries. */
export function newestFirst(a: OwnerInputRow, b: OwnerInputRow): number {
  const byTime =
    new Date(b.requested_at).getTime() - new Date(a.requested_at).getTime();
  if (byTime !== 0) {
    return byTime;
  }
  if (a.id === b.id) {
    return 0;
  }
  return a.id < b.id ? 1 : -1;
}

function listOf<T>(lists: Map<string, T[]>, id: string): T[] {
  let list = lists.get(id);
  if (!list) {
    list = [];
    lists.set(id, list);
  }
  return list;
}

/**
 * The stored owner inputs of these rows, in their order, with their
 * subjects (by name) and events (oldest first), read a chunk of ids at a
 * time.
 */
export async function withSubjectsAndEvents(
  db: Knex | Knex.Transaction,
  rows: OwnerInputRow[],
): Promise<StoredOwnerInput[]> {
  const subjects = new Map<string, string[]>();
  const events = new Map<string, EventRow[]>();
  for (const ids of chunks(
    rows.map(row => row.id),
    ROWS_PER_STATEMENT,
  )) {
    const subjectRows: SubjectRow[] = await db(SUBJECTS_TABLE)
      .whereIn('owner_input_id', ids)
      .orderBy(['owner_input_id', 'subject'])
      .select();
    for (const row of subjectRows) {
      listOf(subjects, row.owner_input_id).push(row.subject);
    }
    const eventRows: EventRow[] = await db(EVENTS_TABLE)
      .whereIn('owner_input_id', ids)
      .orderBy('id')
      .select('owner_input_id', 'action', 'actor', 'at', 'comment');
    for (const row of eventRows) {
      listOf(events, row.owner_input_id).push(row);
    }
  }
  return rows.map(row =>
    storedOwnerInputOf(
      row,
      subjects.get(row.id) ?? [],
      events.get(row.id) ?? [],
    ),
  );
}
