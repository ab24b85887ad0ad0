import { Entity } from '@backstage/catalog-model';

/** A production service, owned by a team that resolves, in a system. */
export const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    etag: 'etag-1',
    description: 'Takes payments',
    annotations: { 'pagerduty.com/service-id': 'PCHKOUT' },
    links: [{ url: 'https://runbooks.example/checkout', type: 'runbook' }],
  },
  spec: {
    type: 'service',
    owner: 'group:default/team-payments',
    lifecycle: 'production',
    system: 'payments',
  },
};

/** The owner of {@link checkout}. */
export const paymentsTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [{ type: 'hasMember', targetRef: 'user:default/ada' }],
};

/** The system of {@link checkout}. */
export const paymentsSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { owner: 'team-payments', domain: 'commerce' },
};

/** A library: no scorecard applies to it. */
export const library: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'utils' },
  spec: { type: 'library', owner: 'team-web', lifecycle: 'production' },
};
