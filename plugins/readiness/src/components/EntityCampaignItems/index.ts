export { EntityCampaignItems } from './EntityCampaignItems';
