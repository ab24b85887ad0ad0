import {
  DatabaseService,
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { CampaignQueries } from './campaigns/CampaignQueries';
import { DatabaseCampaignQueries } from './campaigns/DatabaseCampaignQueries';
import { DatabaseFactsCache } from './facts/DatabaseFactsCache';
import { FactsCache } from './facts/FactsCache';
import { DatabaseHistoryReader } from './history/DatabaseHistoryReader';
import { HistoryReader } from './history/HistoryReader';
import { DatabaseLeaderboardQueries } from './leaderboard/DatabaseLeaderboardQueries';
import { LeaderboardQueries } from './leaderboard/LeaderboardQueries';
import { DatabaseOwnerInputStore } from './ownerInput/DatabaseOwnerInputStore';
import { OwnerInputStore } from './ownerInput/OwnerInputStore';
import { BadgeStore } from './badges/BadgeStore';
import { DatabaseBadgeStore } from './badges/DatabaseBadgeStore';
import { DatabasePushedFactsStore } from './pushedFacts/DatabasePushedFactsStore';
import { PushedFactsStore } from './pushedFacts/PushedFactsStore';
import { DatabaseNotificationOutbox } from './notifications/DatabaseNotificationOutbox';
import { NotificationOutbox } from './notifications/NotificationOutbox';
import { DatabaseResultListQueries } from './resultList/DatabaseResultListQueries';
import { ResultListQueries } from './resultList/ResultListQueries';
import { DatabaseEntityResultsReader } from './results/DatabaseEntityResultsReader';
import { DatabaseResultWriter } from './results/DatabaseResultWriter';
import { EntityResultsReader } from './results/EntityResultsReader';
import { ResultWriter } from './results/ResultWriter';
import { DatabaseResultsRetention } from './retention/DatabaseResultsRetention';
import { ResultsRetention } from './retention/ResultsRetention';
import { DatabaseStandingQueries } from './standing/DatabaseStandingQueries';
import { StandingQueries } from './standing/StandingQueries';
import { DatabaseTeamQueries } from './teams/DatabaseTeamQueries';
import { TeamQueries } from './teams/TeamQueries';

const migrationsDir = resolvePackagePath(
  '@readiness/plugin-readiness-backend',
  'migrations',
);

/**
 * Where evaluated results, their history and collected facts are kept: one
 * field per concern, each given to the code that uses it.
 *
 * @public
 */
export interface ReadinessStores {
  resultWriter: ResultWriter;
  entityResults: EntityResultsReader;
  factsCache: FactsCache;
  history: HistoryReader;
  retention: ResultsRetention;
  standing: StandingQueries;
  leaderboard: LeaderboardQueries;
  teams: TeamQueries;
  resultList: ResultListQueries;
  ownerInput: OwnerInputStore;
  campaigns: CampaignQueries;
  notificationOutbox: NotificationOutbox;
  /** The latest facts pipelines pushed (`POST /facts`). */
  pushedFacts: PushedFactsStore;
  /** The ids of public badges (`readiness.badges.public`). */
  badges: BadgeStore;
}

/**
 * Brings the plugin's tables up to date (unless told not to) and returns
 * the knex implementations of the stores over them, for SQLite, PostgreSQL
 * and MySQL.
 *
 * @public
 */
export async function createReadinessStores(options: {
  database: DatabaseService;
  skipMigrations?: boolean;
  /** Where failures that do not fail a write are logged; none by default. */
  logger?: LoggerService;
}): Promise<ReadinessStores> {
  const db = await options.database.getClient();
  if (!options.database.migrations?.skip && !options.skipMigrations) {
    await db.migrate.latest({ directory: migrationsDir });
  }
  return {
    resultWriter: new DatabaseResultWriter(db, { logger: options.logger }),
    entityResults: new DatabaseEntityResultsReader(db),
    factsCache: new DatabaseFactsCache(db),
    history: new DatabaseHistoryReader(db),
    retention: new DatabaseResultsRetention(db),
    standing: new DatabaseStandingQueries(db),
    leaderboard: new DatabaseLeaderboardQueries(db),
    teams: new DatabaseTeamQueries(db),
    resultList: new DatabaseResultListQueries(db),
    ownerInput: new DatabaseOwnerInputStore(db),
    campaigns: new DatabaseCampaignQueries(db),
    notificationOutbox: new DatabaseNotificationOutbox(db),
    pushedFacts: new DatabasePushedFactsStore(db),
    badges: new DatabaseBadgeStore(db),
  };
}
