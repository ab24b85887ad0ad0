export { OwnerInputDecisionDialog } from './OwnerInputDecisionDialog';
export type {
  OwnerInputDecisionDialogProps,
  OwnerInputDialogAction,
} from './OwnerInputDecisionDialog';
export { useOwnerInputSubject } from './useOwnerInputSubject';
export type { OwnerInputItem, OwnerInputKind } from '../../api/ownerInputCalls';
