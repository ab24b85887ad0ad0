export { CampaignProgressBar, useProgressText } from './CampaignProgressBar';
