import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { standInPlugin } from '../src/__testUtils__/standInPlugin';

// A backend with only this plugin, mocked auth and permissions (allow all),
// and two catalog entities:
//
//   yarn start
//   curl http://localhost:7007/api/readiness/entities/component/default/checkout
const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'checkout',
          description: 'Takes payments for orders',
          annotations: { 'pagerduty.com/service-id': 'PCHKOUT' },
        },
        spec: {
          type: 'service',
          owner: 'team-payments',
          lifecycle: 'production',
        },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'bare' },
        spec: { type: 'service' },
      },
    ],
  }),
);

// Mocks play the catalog and permission plugins' parts; the stand-ins let the
// start-up check, which requires both (app-config.yaml enables permissions),
// see them installed.
backend.add(standInPlugin('catalog'));
backend.add(mockServices.permissions.factory());
backend.add(standInPlugin('permission'));

backend.add(import('../src'));

backend.start();
