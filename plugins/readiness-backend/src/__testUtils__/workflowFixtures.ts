import { mockCredentials } from '@backstage/backend-test-utils';
import { addDays, dayOf } from '@readiness/plugin-readiness-common';
import { Server } from 'node:http';
import request from 'supertest';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  AuthorizeResult,
  QueryPermissionRequest,
  QueryPermissionResponse,
} from '@backstage/plugin-permission-common';

/**
 * A scorecard owned by the platform team: `described` passes for checkout,
 * `tagged` and `tiered` fail (`tiered` may not be exempted), `dr` accepts
 * an attestation.
 */
export const OPS_SCORECARD = {
  apiVersion: 'readiness/v1',
  kind: 'Scorecard',
  metadata: {
    name: 'ops',
    title: 'Operations',
    description: 'Operational basics',
    owner: 'group:default/team-platform',
  },
  spec: {
    appliesTo: { kind: 'component' },
    exemptions: { maxDays: 30 },
    levels: [{ id: 'basic', title: 'Basic' }],
    categories: [{ id: 'ops', title: 'Ops' }],
    checks: [
      {
        id: 'described',
        title: 'Has a description',
        category: 'ops',
        level: 'basic',
        severity: 'medium',
        condition: { fact: 'catalog.description', exists: true },
        remediation: { text: 'Describe it.' },
      },
      {
        id: 'tagged',
        title: 'Has a tag',
        category: 'ops',
        level: 'basic',
        severity: 'medium',
        condition: { fact: 'catalog.tags', contains: 'tier-1' },
        remediation: { text: 'Tag it.' },
      },
      {
        id: 'tiered',
        title: 'Has a tier label',
        category: 'ops',
        level: 'basic',
        severity: 'medium',
        exemptible: false,
        condition: { fact: 'catalog.labels', key: 'tier', exists: true },
        remediation: { text: 'Label it.' },
      },
      {
        id: 'dr',
        title: 'DR rehearsed',
        category: 'ops',
        level: 'basic',
        severity: 'medium',
        condition: { attestation: 'dr-rehearsed', maxAge: '180d' },
        remediation: { text: 'Rehearse it.' },
      },
    ],
  },
};

/** App-config with only the ops scorecard. */
export const OPS_CONFIG = {
  readiness: { scorecards: [{ inline: OPS_SCORECARD }] },
};

export const ADA = 'user:default/ada'; // owns checkout (team-payments)
export const BO = 'user:default/bo'; // a member of team-platform
export const CY = 'user:default/cy'; // neither

/** The ops scorecard's result in an entity readiness body. */
export function opsOf(body: {
  scorecards: Array<{ scorecard: { id: string } }>;
}): any {
  return body.scorecards.find(s => s.scorecard.id === 'ops');
}

/** One check of the ops scorecard in an entity readiness body. */
export function checkOf(
  body: { scorecards: Array<{ scorecard: { id: string } }> },
  id: string,
) {
  return opsOf(body).checks.find((c: { id: string }) => c.id === id);
}

/** The Authorization header of a user's mock token. */
export const as = (user: string) => mockCredentials.user.header(user);

/** User info where bo belongs to the scorecard's owner group. */
export const groupMembership = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const user = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef: user,
        ownershipEntityRefs:
          user === BO ? [user, 'group:default/team-platform'] : [user],
      };
    },
  }),
});

/**
 * Permissions that allow everything but `readiness.exemption.approve`, so
 * that only the owner group's members approve.
 */
export const approveOnlyByGroup = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    async authorize(requests: AuthorizePermissionRequest[]) {
      return requests.map(r => ({
        result:
          r.permission.name === 'readiness.exemption.approve'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })) as AuthorizePermissionResponse[];
    },
    async authorizeConditional(requests: QueryPermissionRequest[]) {
      return requests.map(() => ({
        result: AuthorizeResult.ALLOW,
      })) as QueryPermissionResponse[];
    },
  }),
});

/** The day `days` from today (UTC), YYYY-MM-DD. */
export const inDays = (days: number) => addDays(dayOf(new Date()), days);

/**
 * `POST /exemptions` as `user`: checkout's `tagged` check of the ops
 * scorecard for ten days, but for what is given.
 */
export function requestExemption(
  server: Server,
  user: string,
  given: object = {},
) {
  return request(server)
    .post('/api/readiness/exemptions')
    .set('Authorization', as(user))
    .send({
      entityRef: 'component:default/checkout',
      scorecard: 'ops',
      checks: ['tagged'],
      reason: 'Because',
      expiresAt: inDays(10),
      ...given,
    });
}

/** `POST /attestations` as `user`: checkout's `dr-rehearsed`, but for what is given. */
export function attest(server: Server, user: string, given: object = {}) {
  return request(server)
    .post('/api/readiness/attestations')
    .set('Authorization', as(user))
    .send({
      entityRef: 'component:default/checkout',
      scorecard: 'ops',
      attestation: 'dr-rehearsed',
      statement: 'Rehearsed',
      ...given,
    });
}
