import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';

/** What a service may do only when configuration names it. */
export type ServiceAction = 'refresh' | 'preview';

/**
 * Which services may refresh and preview. Backstage's permission framework
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
    });
  }

  constructor(
    private readonly allowed: Record<ServiceAction, ReadonlySet<string>>,
  ) {}

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
        `Service ${subject} may not ${action}: it is not listed in readiness.serviceAccess.${action}`,
      );
    }
  }
}
