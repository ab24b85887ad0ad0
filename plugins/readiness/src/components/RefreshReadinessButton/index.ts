export { RefreshReadinessButton } from './RefreshReadinessButton';
