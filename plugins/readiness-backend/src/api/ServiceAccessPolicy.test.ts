import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import { ServiceAccessPolicy } from './ServiceAccessPolicy';

describe('ServiceAccessPolicy', () => {
  const policy = ServiceAccessPolicy.fromConfig(
    new ConfigReader({
      readiness: { serviceAccess: { refresh: ['external:ci'] } },
    }),
  );

  it('lets users through, to the permission framework', () => {
    expect(() =>
      policy.assertAllowed('refresh', mockCredentials.user()),
    ).not.toThrow();
    expect(() =>
      policy.assertAllowed('preview', mockCredentials.user()),
    ).not.toThrow();
  });

  it('allows a service only what config names it for', () => {
    const ci = mockCredentials.service('external:ci');
    expect(() => policy.assertAllowed('refresh', ci)).not.toThrow();
    expect(() => policy.assertAllowed('preview', ci)).toThrow(
      new NotAllowedError(
        'Service external:ci may not preview: it is not listed in readiness.serviceAccess.preview',
      ),
    );
    expect(() =>
      policy.assertAllowed('refresh', mockCredentials.service('plugin:other')),
    ).toThrow(NotAllowedError);
  });

  it('allows no service by default', () => {
    const none = ServiceAccessPolicy.fromConfig(new ConfigReader({}));
    for (const action of ['refresh', 'preview'] as const) {
      expect(() =>
        none.assertAllowed(action, mockCredentials.service('external:ci')),
      ).toThrow(NotAllowedError);
    }
  });
});
