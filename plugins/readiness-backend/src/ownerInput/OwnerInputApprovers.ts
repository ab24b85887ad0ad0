import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  readinessExemptionApprovePermission,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';

/** The signed-in user behind credentials, or `undefined` for a service. */
export function userOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as Partial<BackstageUserPrincipal>;
  return principal.type === 'user' ? principal.userEntityRef : undefined;
}

/** The scorecard's owner as a full, lower-case entity ref. */
function ownerGroupOf(scorecard: ScorecardDefinition): string | undefined {
  if (!scorecard.owner) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(scorecard.owner, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * Who may decide on (and revoke) the exemptions and attestations of a
 * scorecard: members of its owner group (the user's ownership refs include
 * their groups), and whoever holds `readiness.exemption.approve` for it.
 */
export class OwnerInputApprovers {
  constructor(
    private readonly userInfo: UserInfoService,
    private readonly permissions: PermissionsService,
  ) {}

  /**
   * A function answering for one caller; it asks once per scorecard, so a
   * list of many records costs a few questions.
   */
  forCaller(
    credentials: BackstageCredentials,
  ): (scorecard: ScorecardDefinition | undefined) => Promise<boolean> {
    const answers = new Map<string, Promise<boolean>>();
    let ownership: Promise<string[]> | undefined;
    return scorecard => {
      if (!scorecard || userOf(credentials) === undefined) {
        return Promise.resolve(false);
      }
      let answer = answers.get(scorecard.id);
      if (!answer) {
        ownership ??= this.userInfo
          .getUserInfo(credentials)
          .then(info => info.ownershipEntityRefs);
        answer = this.decide(credentials, scorecard, ownership);
        answers.set(scorecard.id, answer);
      }
      return answer;
    };
  }

  private async decide(
    credentials: BackstageCredentials,
    scorecard: ScorecardDefinition,
    ownership: Promise<string[]>,
  ): Promise<boolean> {
    const owner = ownerGroupOf(scorecard);
    if (
      owner !== undefined &&
      (await ownership).some(ref => ref.toLocaleLowerCase('en-US') === owner)
    ) {
      return true;
    }
    const [decision] = await this.permissions.authorize(
      [
        {
          permission: readinessExemptionApprovePermission,
          resourceRef: scorecard.id,
        },
      ],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }
}
