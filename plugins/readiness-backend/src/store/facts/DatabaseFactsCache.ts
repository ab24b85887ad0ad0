import { Knex } from 'knex';
import { isoTime } from '../dialect';
import { FACTS_TABLE } from '../tables';
import { FactsCache, StoredFacts } from './FactsCache';

/** The knex implementation of {@link FactsCache}. */
export class DatabaseFactsCache implements FactsCache {
  constructor(private readonly db: Knex) {}

  async getEntityFacts(entityRef: string): Promise<Map<string, StoredFacts>> {
    const rows: {
      collector_id: string;
      observed_at: Date | string | number;
      facts: string;
      target: string | null;
    }[] = await this.db(FACTS_TABLE)
      .where({ entity_ref: entityRef })
      .select('collector_id', 'observed_at', 'facts', 'target');
    return new Map(
      rows.map(row => [
        row.collector_id,
        {
          observedAt: isoTime(row.observed_at),
          facts: JSON.parse(row.facts),
          ...(row.target ? { target: row.target } : {}),
        },
      ]),
    );
  }

  async saveEntityFacts(
    entityRef: string,
    collectorId: string,
    facts: StoredFacts,
  ): Promise<void> {
    await this.db(FACTS_TABLE)
      .insert({
        entity_ref: entityRef,
        collector_id: collectorId,
        observed_at: new Date(facts.observedAt),
        facts: JSON.stringify(facts.facts),
        target: facts.target ?? null,
      })
      .onConflict(['entity_ref', 'collector_id'])
      .merge(['observed_at', 'facts', 'target']);
  }
}
