import { Knex } from 'knex';
import { withDeadlockRetries } from '../deadlockRetries';
import { isUniqueViolation, locksRows } from '../dialect';
import { PUSHED_FACTS_TABLE } from '../tables';
import {
  FactsPush,
  PushedFactOutcome,
  PushedFactsStore,
  StoredPushedFact,
} from './PushedFactsStore';

/** How many times a push runs when another push inserted the same row first. */
const MAX_ATTEMPTS = 3;

interface PushedFactRow {
  entity_ref: string;
  fact_name: string;
  value: string;
  source: string;
  pushed_by: string;
  /** Milliseconds since the epoch (bigint: a string on PostgreSQL). */
  observed_at: number | string;
  pushed_at: number | string;
}

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

/** The knex implementation of {@link PushedFactsStore}. */
export class DatabasePushedFactsStore implements PushedFactsStore {
  constructor(private readonly db: Knex) {}

  async push(push: FactsPush): Promise<Map<string, PushedFactOutcome>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await withDeadlockRetries(() =>
          this.db.transaction(tx => this.pushIn(tx, push)),
        );
      } catch (error) {
        // Two first pushes of a fact raced to insert it: the retry sees
        // the other's row and compares observation times.
        if (attempt >= MAX_ATTEMPTS || !isUniqueViolation(error)) {
          throw error;
        }
      }
    }
  }

  async getEntityFacts(
    entityRef: string,
  ): Promise<Map<string, StoredPushedFact>> {
    const rows: PushedFactRow[] = await this.db(PUSHED_FACTS_TABLE).where({
      entity_ref: entityRef,
    });
    return new Map(
      rows.map(row => [
        row.fact_name,
        {
          value: JSON.parse(row.value),
          source: row.source,
          pushedBy: row.pushed_by,
          observedAt: iso(row.observed_at),
          pushedAt: iso(row.pushed_at),
        },
      ]),
    );
  }

  /**
   * Reads the stored observation times under lock, then writes each fact
   * unless a later observation is stored: the newest observation wins,
   * whichever push arrives last.
   */
  private async pushIn(
    tx: Knex.Transaction,
    push: FactsPush,
  ): Promise<Map<string, PushedFactOutcome>> {
    const names = [...push.facts.keys()];
    const stored: Pick<
      PushedFactRow,
      'fact_name' | 'observed_at' | 'value' | 'source'
    >[] = await tx(PUSHED_FACTS_TABLE)
      .where({ entity_ref: push.entityRef })
      .whereIn('fact_name', names)
      .orderBy('fact_name')
      .modify(query => {
        if (locksRows(this.db)) {
          query.forUpdate();
        }
      })
      .select('fact_name', 'observed_at', 'value', 'source');
    const storedRows = new Map(stored.map(row => [row.fact_name, row]));
    const observedAt = push.observedAt.getTime();
    const outcomes = new Map<string, PushedFactOutcome>();
    const inserts: PushedFactRow[] = [];
    const updates: PushedFactRow[] = [];
    for (const [name, value] of push.facts) {
      const previousRow = storedRows.get(name);
      const previous = previousRow && Number(previousRow.observed_at);
      if (previous !== undefined && previous > observedAt) {
        outcomes.set(name, {
          stored: false,
          storedObservedAt: iso(previous),
          changed: false,
          renewed: false,
        });
        continue;
      }
      const row: PushedFactRow = {
        entity_ref: push.entityRef,
        fact_name: name,
        value: JSON.stringify(value),
        source: push.source,
        pushed_by: push.pushedBy,
        observed_at: observedAt,
        pushed_at: push.pushedAt.getTime(),
      };
      (previous === undefined ? inserts : updates).push(row);
      outcomes.set(name, {
        stored: true,
        storedObservedAt: iso(observedAt),
        changed:
          previousRow?.value !== row.value || previousRow.source !== row.source,
        renewed: previous === undefined || observedAt > previous,
      });
    }
    if (inserts.length > 0) {
      await tx(PUSHED_FACTS_TABLE).insert(inserts);
    }
    for (const { entity_ref, fact_name, ...changed } of updates) {
      await tx(PUSHED_FACTS_TABLE)
        .where({ entity_ref, fact_name })
        .update(changed);
    }
    return outcomes;
  }
}
