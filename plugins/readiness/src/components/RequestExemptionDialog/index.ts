export { RequestExemptionDialog } from './RequestExemptionDialog';
export type { RequestExemptionDialogProps } from './RequestExemptionDialog';
export {
  DEFAULT_EXEMPTION_MAX_DAYS,
  exemptibleChecks,
  exemptionMaxDays,
} from './exemptibleChecks';
