export { CampaignEntitiesTable } from './CampaignEntitiesTable';
export type { CampaignEntityFilter } from './useCampaignEntities';
