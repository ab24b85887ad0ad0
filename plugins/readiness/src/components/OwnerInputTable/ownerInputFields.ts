import type { OwnerInputItem } from '../../api/ownerInputCalls';
import type { OwnerInputDialogAction } from '../OwnerInputDecisionDialog';

/**
 * The fields in which exemptions and attestations differ, under one name:
 * the rest of the workflow (status, requester, decision, actions) is alike.
 */
export interface OwnerInputFields {
  /** What it covers: the checks exempted, or the practice attested. */
  subject: string[];
  /** Markdown: why the risk is accepted, or what took place. */
  text: string;
  /** YYYY-MM-DD: the last day an exemption applies. */
  endsOn?: string;
}

export function ownerInputFields(item: OwnerInputItem): OwnerInputFields {
  return 'checks' in item
    ? { subject: item.checks, text: item.reason, endsOn: item.expiresAt }
    : { subject: [item.attestation], text: item.statement };
}

/** The buttons a row gets, from what the backend says the caller may do. */
export function actionChoices(item: OwnerInputItem): OwnerInputDialogAction[] {
  return [
    ...(item.actions.includes('decide')
      ? (['approve', 'reject'] as const)
      : []),
    ...(item.actions.includes('revoke') ? (['revoke'] as const) : []),
  ];
}
