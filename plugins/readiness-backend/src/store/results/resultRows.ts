import {
  ReadinessChange,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import type { RecordedChange } from '../../campaigns/campaignListeners';
import { storedResultJson, toStoredResult } from '../storedResult';
import { CheckRow, EvaluatedEntityRow, HistoryRow, ResultRow } from '../tables';
import { attributeColumns } from './attributeColumns';
import { VersionedResult } from './describeChange';
import { EntityToStore, ResultToStore } from './ResultWriter';

/**
 * The columns that tell whether a result row must be written again. Score
 * and level are in the result's JSON (and come back from some databases as
 * imprecise floats).
 */
export const COMPARED_COLUMNS = [
  'result',
  'scorecard_version',
  'owner_ref',
  'system_ref',
  'domain_ref',
  'entity_kind',
  'entity_type',
  'lifecycle',
  'tags',
] as const;

export type ComparedRow = Pick<ResultRow, (typeof COMPARED_COLUMNS)[number]>;

export function sameResultRow(stored: ComparedRow, row: ResultRow): boolean {
  return COMPARED_COLUMNS.every(column => stored[column] === row[column]);
}

/**
 * What is stored of an entity: its etag, when it was evaluated, and its
 * result rows by scorecard.
 */
export interface StoredEntity {
  etag: string | null;
  /** Milliseconds; `undefined` for result rows without an entity row. */
  evaluatedAt?: number;
  rows: Map<string, ComparedRow & Pick<ResultRow, 'scorecard_id'>>;
}

/** Checks of one entity and scorecard whose rows go. */
export interface StaleChecks {
  entityRef: string;
  scorecardId: string;
  checkIds: string[];
}

/**
 * The check rows to write for an entity, of checks whose status changed or
 * that are new, and the rows to delete first, of checks whose status
 * changed or that are no longer defined. Rows of unchanged checks stay.
 */
export function changedCheckRows(
  entityRef: string,
  previous: Map<string, VersionedResult>,
  results: ResultToStore[],
): { stale: StaleChecks[]; rows: CheckRow[] } {
  const stale: StaleChecks[] = [];
  const rows: CheckRow[] = [];
  for (const { result } of results) {
    const scorecardId = result.scorecard.id;
    const before = new Map(
      previous.get(scorecardId)?.result.checks.map(c => [c.id, c.status]),
    );
    const checkIds: string[] = [];
    for (const check of result.checks) {
      const was = before.get(check.id);
      before.delete(check.id);
      if (was === check.status) {
        continue;
      }
      if (was !== undefined) {
        checkIds.push(check.id);
      }
      rows.push({
        entity_ref: entityRef,
        scorecard_id: scorecardId,
        check_id: check.id,
        status: check.status,
      });
    }
    checkIds.push(...before.keys());
    if (checkIds.length > 0) {
      stale.push({ entityRef, scorecardId, checkIds });
    }
  }
  return { stale, rows };
}

/** When a write's results were computed: the latest of their times. */
function evaluationTimeOf(results: ResultToStore[]): number | undefined {
  return results.length > 0
    ? Math.max(...results.map(r => Date.parse(r.result.evaluatedAt)))
    : undefined;
}

/**
 * Whether a write was computed before what is stored of its entity, so
 * that it must not replace it: the full run, the change scan and a refresh
 * evaluate an entity at different times and may store in another order. A
 * write without results carries no time and always applies.
 */
export function isOlderThanStored(
  results: ResultToStore[],
  stored: StoredEntity | undefined,
): boolean {
  const time = evaluationTimeOf(results);
  return (
    time !== undefined &&
    stored?.evaluatedAt !== undefined &&
    time < stored.evaluatedAt
  );
}

/** An entity's row as a write with these results leaves it. */
export function evaluatedEntityRow(
  entity: EntityToStore,
  results: ResultToStore[],
): EvaluatedEntityRow {
  return {
    entity_ref: entity.ref,
    entity_etag: entity.etag,
    evaluated_at: new Date(evaluationTimeOf(results)!),
  };
}

/** An entity's stored results as the history compares them, by scorecard. */
export function versionedResultsOf(
  stored: StoredEntity | undefined,
): Map<string, VersionedResult> {
  const results = new Map<string, VersionedResult>();
  for (const [scorecardId, row] of stored?.rows ?? []) {
    results.set(scorecardId, {
      result: JSON.parse(row.result),
      entityEtag: stored!.etag,
      scorecardVersion: row.scorecard_version,
    });
  }
  return results;
}

/** The results table's row of an entity's result. */
export function resultRow(
  entity: EntityToStore,
  result: ScorecardResult,
  scorecardVersion: string,
): ResultRow {
  return {
    entity_ref: entity.ref,
    scorecard_id: result.scorecard.id,
    scorecard_version: scorecardVersion,
    ...attributeColumns(entity.attributes),
    score: result.score,
    level: result.level,
    waived_checks: result.counts.waived,
    result: storedResultJson(toStoredResult(result)),
  };
}

/** The history keeps this much of a note. */
const MAX_NOTE = 512;

/** The history table's row of a recorded change. */
export function historyRow(
  entityRef: string,
  change: ReadinessChange,
): HistoryRow {
  return {
    entity_ref: entityRef,
    scorecard_id: change.scorecard,
    changed_at: new Date(change.changedAt),
    cause: change.cause,
    level_before: change.levelBefore,
    level_after: change.levelAfter,
    score_before: change.scoreBefore,
    score_after: change.scoreAfter,
    checks: JSON.stringify(change.checks),
    note: change.note === undefined ? null : change.note.slice(0, MAX_NOTE),
  };
}

/** A change as listeners are told of it: as the history keeps it. */
export function recordedChange(
  entity: EntityToStore,
  change: ReadinessChange,
  result: ScorecardResult,
): RecordedChange {
  return {
    entityRef: entity.ref,
    owner: entity.attributes?.owner ?? null,
    change:
      change.note === undefined
        ? change
        : { ...change, note: change.note.slice(0, MAX_NOTE) },
    result,
  };
}
