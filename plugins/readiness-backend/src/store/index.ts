export type {
  EntityAttributes,
  EntityToStore,
  ResultToStore,
  ResultWriter,
  WriteOutcome,
} from './results/ResultWriter';
export type {
  EntityResultsReader,
  StoredEntityResults,
} from './results/EntityResultsReader';
export type { FactsCache, StoredFacts } from './facts/FactsCache';
export type {
  BadgeStore,
  BadgeSubject,
  StoredBadge,
  StoredStanding,
} from './badges/BadgeStore';
export type {
  FactsPush,
  PushedFactOutcome,
  PushedFactsStore,
  StoredPushedFact,
} from './pushedFacts/PushedFactsStore';
export type { HistoryReader } from './history/HistoryReader';
export type { ResultsRetention } from './retention/ResultsRetention';
export type {
  CheckStatusCounts,
  StandingQueries,
} from './standing/StandingQueries';
export type {
  GroupRanking,
  GroupRollup,
  GroupStanding,
  LeaderboardQueries,
} from './leaderboard/LeaderboardQueries';
export type {
  TeamOpenItems,
  TeamQueries,
  TeamScope,
} from './teams/TeamQueries';
export type {
  ResultFilter,
  ResultListQueries,
  ResultPosition,
} from './resultList/ResultListQueries';
export type {
  NewOwnerInput,
  OwnerInputClosing,
  OwnerInputDecisionToStore,
  OwnerInputFilter,
  OwnerInputKind,
  OwnerInputStore,
  StoredOwnerInput,
} from './ownerInput/OwnerInputStore';
export { PendingRequestExistsError } from './ownerInput/OwnerInputStore';
export { DatabaseOwnerInputStore } from './ownerInput/DatabaseOwnerInputStore';
export type {
  ClaimedDigest,
  ClaimLimits,
  NotificationLine,
  NotificationOutbox,
  NotificationTopic,
  OutboxItem,
} from './notifications/NotificationOutbox';
export type {
  CampaignBreakdown,
  CampaignCounts,
  CampaignEntityFilter,
  CampaignEntityRows,
  CampaignEntityStatus,
  CampaignKey,
  CampaignQueries,
  VisibleEntities,
} from './campaigns/CampaignQueries';
export type { ReadinessStores } from './createReadinessStores';
export { createReadinessStores } from './createReadinessStores';
export { fromStoredResult } from './storedResult';
export { readPluginSecret } from './readPluginSecret';
export type { StoredResult } from './storedResult';
