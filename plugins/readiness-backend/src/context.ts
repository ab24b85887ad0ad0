/**
 * Readiness' object graph without the plugin system: for tools that drive
 * the backend's parts directly, such as the benchmarks.
 *
 * @packageDocumentation
 */
export { buildReadinessContext } from './buildReadinessContext';
export type {
  ReadinessContext,
  ReadinessContextOptions,
} from './buildReadinessContext';
// The stores over the plugin's database, for modules of the plugin that
// write to it (the example app's demo exemptions, say).
export { createReadinessStores } from './store';
export type {
  BadgeStore,
  BadgeSubject,
  CampaignQueries,
  ClaimedDigest,
  ClaimLimits,
  FactsPush,
  NewOwnerInput,
  NotificationLine,
  NotificationOutbox,
  NotificationTopic,
  OutboxItem,
  OwnerInputClosing,
  OwnerInputDecisionToStore,
  OwnerInputFilter,
  OwnerInputKind,
  OwnerInputStore,
  PushedFactOutcome,
  PushedFactsStore,
  ReadinessStores,
  StoredBadge,
  StoredOwnerInput,
  StoredPushedFact,
  StoredStanding,
} from './store';
