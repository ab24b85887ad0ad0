/*
 * The campaigns part of `bench:api --campaigns <n>`: the campaigns page's
 * two requests, over campaigns the catalog run evaluated, with a burn-up
 * recorded for every day since their start as the tracker job would have.
 */
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { BenchDatabaseConfig } from '../backend/BenchBackendOptions';
import { LoadFigures, LoadOptions, measureLoad } from '../backend/load';

const DAY_MS = 24 * 60 * 60 * 1000;

interface CampaignProgress {
  id: string;
  startsAt: string;
  targeted: number;
  met: number;
}

/** The plugin's own database, as the bench backend configures it. */
function readinessDatabase(database: BenchDatabaseConfig): Knex {
  if (database.client === 'pg') {
    return knexFactory({
      client: 'pg',
      connection: `${database.connection.replace(/\/$/, '')}/${
        database.prefix
      }readiness`,
    });
  }
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(database.directory, 'readiness.sqlite') },
    useNullAsDefault: true,
  });
}

/**
 * One snapshot per campaign and day from its start to yesterday, `met`
 * growing steadily to where it is now: the rows the tracker records every
 * day, which the details read back as the burn-up.
 */
async function recordBurnUps(
  database: BenchDatabaseConfig,
  campaigns: CampaignProgress[],
): Promise<number> {
  const knex = readinessDatabase(database);
  const today = Date.parse(new Date().toISOString().slice(0, 10));
  let written = 0;
  try {
    for (const campaign of campaigns) {
      const start = Date.parse(campaign.startsAt);
      const days = Math.max(0, Math.round((today - start) / DAY_MS));
      const rows = Array.from({ length: days }, (_, i) => ({
        campaign_id: campaign.id,
        day: new Date(start + i * DAY_MS).toISOString().slice(0, 10),
        targeted: campaign.targeted,
        met: Math.floor((campaign.met * i) / Math.max(1, days)),
      }));
      for (let i = 0; i < rows.length; i += 200) {
        await knex('readiness_campaign_snapshots')
          .insert(rows.slice(i, i + 200))
          .onConflict(['campaign_id', 'day'])
          .ignore();
      }
      written += rows.length;
    }
  } finally {
    await knex.destroy();
  }
  return written;
}

/**
 * Records the burn-ups, then measures `GET /campaigns` and
 * `GET /campaigns/{name}` (a random campaign per request, its first page
 * of open entities).
 */
export async function measureCampaignLoads(
  common: Omit<LoadOptions, 'name' | 'path'>,
  database: BenchDatabaseConfig,
  json: <T>(requestPath: string) => Promise<T>,
): Promise<LoadFigures[]> {
  const { items } = await json<{ items: CampaignProgress[] }>(
    '/api/readiness/campaigns',
  );
  if (items.length === 0 || items.every(c => c.targeted === 0)) {
    throw new Error('No campaign targets any entity');
  }
  const snapshots = await recordBurnUps(database, items);
  process.stderr.write(
    `${items.length} campaigns targeting ${items
      .map(c => c.targeted)
      .join(', ')} entities; ${snapshots} burn-up points recorded\n`,
  );
  const ids = items.map(c => c.id);
  return [
    await measureLoad({
      ...common,
      name: 'GET /campaigns',
      path: () => '/api/readiness/campaigns',
    }),
    await measureLoad({
      ...common,
      name: 'GET /campaigns/{name}',
      path: () =>
        `/api/readiness/campaigns/${
          ids[Math.floor(Math.random() * ids.length)]
        }`,
    }),
  ];
}
