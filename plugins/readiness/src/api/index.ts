export { readinessApiRef } from './ReadinessApi';
export type { CampaignEntityQuery, ReadinessApi } from './ReadinessApi';
export { ReadinessClient } from './ReadinessClient';
