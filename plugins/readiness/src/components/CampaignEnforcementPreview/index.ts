export { CampaignEnforcementPreview } from './CampaignEnforcementPreview';
