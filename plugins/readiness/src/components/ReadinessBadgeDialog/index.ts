export { ReadinessBadgeDialog } from './ReadinessBadgeDialog';
export type { ReadinessBadgeDialogProps } from './ReadinessBadgeDialog';
