export { CampaignGroupTable } from './CampaignGroupTable';
