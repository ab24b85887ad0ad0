import { createHash } from 'node:crypto';
import {
  OwnerInputAction,
  OwnerInputEvent,
  OwnerInputStatus,
} from '@readiness/plugin-readiness-common';
import { isoTime } from '../dialect';
import { OwnerInputKind, StoredOwnerInput } from './OwnerInputStore';

export const OWNER_INPUTS_TABLE = 'readiness_owner_inputs';
export const SUBJECTS_TABLE = 'readiness_owner_input_subjects';
export const EVENTS_TABLE = 'readiness_owner_input_events';

type StoredTime = Date | string | number;

/** A row of the owner inputs table. */
export interface OwnerInputRow {
  id: string;
  kind: OwnerInputKind;
  entity_ref: string;
  scorecard_id: string;
  text: string;
  link: string | null;
  expires_at: string | null;
  status: OwnerInputStatus;
  requested_by: string;
  requested_at: StoredTime;
  decided_by: string | null;
  decided_at: StoredTime | null;
  decision_comment: string | null;
  closed_by: string | null;
  closed_at: StoredTime | null;
  close_comment: string | null;
}

/** A row of the subjects table. */
export interface SubjectRow {
  owner_input_id: string;
  subject: string;
  pending_key: string | null;
}

/** A row of the events table, as written (the id is the database's). */
export interface EventRow {
  owner_input_id: string;
  action: OwnerInputAction;
  actor: string | null;
  at: StoredTime;
  comment: string | null;
}

/**
 * The unique key a subject holds while its request is pending: a hash, as
 * entity refs are too long for a unique index on MySQL beside the rest.
 */
export function pendingKey(
  kind: OwnerInputKind,
  entityRef: string,
  scorecardId: string,
  subject: string,
): string {
  return createHash('sha256')
    .update(JSON.stringify([kind, entityRef, scorecardId, subject]))
    .digest('hex');
}

function timeOrNull(value: StoredTime | null): Date | null {
  return value === null ? null : new Date(value);
}

function eventOf(row: EventRow): OwnerInputEvent {
  return {
    action: row.action,
    actor: row.actor,
    at: isoTime(row.at),
    ...(row.comment !== null && { comment: row.comment }),
  };
}

/** A stored owner input from its row, its subjects and its events. */
export function storedOwnerInputOf(
  row: OwnerInputRow,
  subjects: string[],
  events: EventRow[],
): StoredOwnerInput {
  return {
    id: row.id,
    kind: row.kind,
    entityRef: row.entity_ref,
    scorecardId: row.scorecard_id,
    subjects,
    text: row.text,
    link: row.link,
    expiresAt: row.expires_at,
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: new Date(row.requested_at),
    decidedBy: row.decided_by,
    decidedAt: timeOrNull(row.decided_at),
    decisionComment: row.decision_comment,
    closedBy: row.closed_by,
    closedAt: timeOrNull(row.closed_at),
    closeComment: row.close_comment,
    events: events.map(eventOf),
  };
}
