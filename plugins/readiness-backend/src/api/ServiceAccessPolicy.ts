import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';

/**
 * What a service may do only when configuration names it. `pushFacts`
 * names services trusted to push facts about every entity; others push
 * only where an entity's `readiness.dev/fact-pushers` annotation names them.
 * `drafts` lets a service evaluate draft entities itself (the Scaffolder
 * calls on behalf of its user, a user principal).
 */
export type ServiceAction = 'refresh' | 'preview' | 'pushFacts' | 'drafts';

/** What each action is, in a refusal. */
const DOING: Record<ServiceAction, string> = {
  refresh: 'refresh',
  preview: 'preview',
  pushFacts: 'push facts about every entity',
  drafts: 'evaluate draft entities',
};

/**
 * Which services may refresh, preview, push facts and evaluate drafts. Backstage's permission framework
 * allows every request of a service principal, so for services these are
 * decided here, from `readiness.serviceAccess`, and no service is allowed
 * unless named. Users are left to the permission framework.
 */
export class ServiceAccessPolicy {
  static fromConfig(config: Config): ServiceAccessPolicy {
    const listed = (action: ServiceAction) =>
      new Set(
        config.getOptionalStringArray(`readiness.serviceAccess.${action}`),
      );
    return new ServiceAccessPolicy({
      refresh: listed('refresh'),
      preview: listed('preview'),
      pushFacts: listed('pushFacts'),
      drafts: listed('drafts'),
    });
  }

  constructor(
    private readonly allowed: Record<ServiceAction, ReadonlySet<string>>,
  ) {}

  /** Whether `readiness.serviceAccess.<action>` lists the subject. */
  lists(action: ServiceAction, subject: string): boolean {
    return this.allowed[action].has(subject);
  }

  /**
   * Throws NotAllowedError when the caller is a service that configuration
   * does not name for this action; lets users through.
   */
  assertAllowed(action: ServiceAction, credentials: BackstageCredentials) {
    const { principal } = credentials as BackstageCredentials<{
      type: string;
      subject?: string;
    }>;
    if (principal.type === 'user') {
      return;
    }
    const subject = principal.subject ?? principal.type;
    if (principal.type !== 'service' || !this.allowed[action].has(subject)) {
      throw new NotAllowedError(
        `Service ${subject} may not ${DOING[action]}: it is not listed in readiness.serviceAccess.${action}`,
      );
    }
  }
}
