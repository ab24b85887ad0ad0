import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type {
  OwnerInputQuery,
  OwnerInputStatus,
} from '@readiness/plugin-readiness-common';
import { ReadinessPageParams } from '../../hooks/readinessPageParams';

export const STATUSES: OwnerInputStatus[] = [
  'pending',
  'active',
  'rejected',
  'revoked',
  'expired',
];

/** The status option that shows them all. */
export const ANY_STATUS = 'any';

/** "Ending within" choices, in days. */
export const EXPIRING_DAYS = ['7', '30', '90'];

/** What the exemptions page lists, from its URL, with defaults. */
export interface ExemptionsSelection {
  status: OwnerInputStatus | typeof ANY_STATUS;
  scorecard?: string;
  /** As typed: a group's name or entity ref. */
  owner?: string;
  /** Days; only with `active`, the only status that ends by itself. */
  expiring?: string;
}

export function exemptionsSelection(
  params: ReadinessPageParams,
): ExemptionsSelection {
  const status =
    params.status === ANY_STATUS
      ? ANY_STATUS
      : STATUSES.find(value => value === params.status) ?? 'pending';
  return {
    // Pending first: the page is where approvers find what waits for them.
    status,
    scorecard: params.scorecard,
    owner: params.owner,
    expiring:
      status === 'active'
        ? EXPIRING_DAYS.find(days => days === params.expiring)
        : undefined,
  };
}

/** The backend's query for a selection (`expiringWithinDays`: exemptions only). */
export function ownerInputQuery(
  selection: ExemptionsSelection,
): OwnerInputQuery {
  return {
    status: selection.status === ANY_STATUS ? undefined : selection.status,
    scorecard: selection.scorecard,
    owner: selection.owner ? ownerRef(selection.owner) : undefined,
    expiringWithinDays: selection.expiring
      ? Number(selection.expiring)
      : undefined,
  };
}

/** `team-a` means the group `group:default/team-a`; a full ref stays. */
function ownerRef(owner: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    // Not a ref: the backend says so.
    return owner.trim();
  }
}
