export { ReadinessBadgeButton } from './ReadinessBadgeButton';
