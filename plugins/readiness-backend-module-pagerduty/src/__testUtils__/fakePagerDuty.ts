import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  RecordedRequest,
  sendJson,
  startTestServer,
  TestServer,
} from '@readiness/plugin-readiness-node/testUtils';

/** The token the fake accepts; tests check it never shows. */
export const TOKEN = 'u+FAKEpagerdutyTOKEN-0123456789';

/**
 * Answers a request before the fake does, e.g. with a 429 or a delay;
 * returns false to let the fake answer.
 */
export type Intercept = (
  request: RecordedRequest,
  response: ServerResponse<IncomingMessage>,
) => boolean | Promise<boolean>;

export interface FakeIncident {
  id: string;
  created_at: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  resolved_at?: string | null;
  last_status_change_at?: string;
}

export interface FakeService {
  id: string;
  status?: 'active' | 'warning' | 'critical' | 'maintenance' | 'disabled';
  escalationPolicyId?: string;
  integrationKeys?: string[];
  incidents?: FakeIncident[];
}

export interface FakeState {
  services: FakeService[];
  /** Escalation rules (levels) per policy id. */
  policies: Record<string, number>;
  /** Who is on call, per policy id. */
  oncalls: Record<string, Array<{ level: number; user: string }>>;
  /**
   * Whether `include[]=escalation_policies` expands the service's policy
   * (with its rules) as PagerDuty does; false leaves a reference, so the
   * policy must be fetched.
   */
  expandPolicies?: boolean;
  /** Items per page at most, whatever `limit` asks (PagerDuty's is 100). */
  pageLimit?: number;
}

export type FakePagerDuty = TestServer;

function paginate(url: URL, key: string, items: unknown[], pageLimit: number) {
  const limit = Math.min(
    Number(url.searchParams.get('limit') ?? 25),
    pageLimit,
  );
  const offset = Number(url.searchParams.get('offset') ?? 0);
  return {
    [key]: items.slice(offset, offset + limit),
    limit,
    offset,
    more: offset + limit < items.length,
    total: null,
  };
}

const notFound = {
  error: { message: 'Not Found', code: 2100 },
};

function route(state: FakeState, url: URL): [number, unknown] {
  const pageLimit = state.pageLimit ?? 100;
  const policyOf = (id: string) => ({
    id,
    type: 'escalation_policy',
    summary: `Policy ${id}`,
    escalation_rules: Array.from({ length: state.policies[id] }, (_, i) => ({
      id: `R${i}`,
      escalation_delay_in_minutes: 30,
      targets: [],
    })),
  });
  let match = /^\/services\/([^/]+)$/.exec(url.pathname);
  if (match) {
    const service = state.services.find(s => s.id === match![1]);
    if (!service) {
      return [404, notFound];
    }
    const policyId = service.escalationPolicyId;
    const expand =
      state.expandPolicies !== false &&
      url.searchParams.getAll('include[]').includes('escalation_policies');
    let policy: object | undefined;
    if (policyId) {
      policy =
        expand && policyId in state.policies
          ? policyOf(policyId)
          : {
              id: policyId,
              type: 'escalation_policy_reference',
              summary: `Policy ${policyId}`,
            };
    }
    return [
      200,
      {
        service: {
          id: service.id,
          type: 'service',
          summary: `Service ${service.id}`,
          status: service.status ?? 'active',
          escalation_policy: policy,
        },
      },
    ];
  }
  if (url.pathname === '/services') {
    const withIntegrations = url.searchParams
      .getAll('include[]')
      .includes('integrations');
    const services = state.services.map(s => ({
      id: s.id,
      type: 'service',
      status: s.status ?? 'active',
      integrations: (s.integrationKeys ?? []).map((key, i) =>
        withIntegrations
          ? {
              id: `I${s.id}${i}`,
              type: 'events_api_v2_inbound_integration',
              integration_key: key,
            }
          : { id: `I${s.id}${i}`, type: 'inbound_integration_reference' },
      ),
    }));
    return [200, paginate(url, 'services', services, pageLimit)];
  }
  match = /^\/escalation_policies\/([^/]+)$/.exec(url.pathname);
  if (match) {
    return match[1] in state.policies
      ? [200, { escalation_policy: policyOf(match[1]) }]
      : [404, notFound];
  }
  if (url.pathname === '/oncalls') {
    const policyIds = url.searchParams.getAll('escalation_policy_ids[]');
    const oncalls = policyIds.flatMap(id =>
      (state.oncalls[id] ?? []).map(({ level, user }) => ({
        escalation_policy: { id, type: 'escalation_policy_reference' },
        escalation_level: level,
        schedule: null,
        user: {
          id: `U${user.replace(/\W/g, '')}`,
          type: 'user_reference',
          summary: user,
        },
        start: null,
        end: null,
      })),
    );
    return [200, paginate(url, 'oncalls', oncalls, pageLimit)];
  }
  if (url.pathname === '/incidents') {
    const serviceIds = url.searchParams.getAll('service_ids[]');
    const statuses = url.searchParams.getAll('statuses[]');
    const since = Date.parse(url.searchParams.get('since') ?? '');
    const until = Date.parse(url.searchParams.get('until') ?? '');
    const incidents = state.services
      .filter(s => serviceIds.includes(s.id))
      .flatMap(s => (s.incidents ?? []).map(i => ({ ...i, service: s.id })))
      .filter(i => {
        const created = Date.parse(i.created_at);
        return (
          (!statuses.length || statuses.includes(i.status)) &&
          !(created < since) &&
          !(created >= until)
        );
      })
      .map(i => ({
        id: i.id,
        type: 'incident',
        status: i.status,
        created_at: i.created_at,
        resolved_at: i.resolved_at,
        last_status_change_at: i.last_status_change_at ?? i.created_at,
        service: { id: i.service, type: 'service_reference' },
      }));
    return [200, paginate(url, 'incidents', incidents, pageLimit)];
  }
  return [404, notFound];
}

/**
 * A PagerDuty REST API (v2) on 127.0.0.1 and a random port, answering the
 * documented shapes from `state`, with classic pagination. It wants
 * `Authorization: Token token=<TOKEN>` (else 401) and records every request.
 */
export async function startFakePagerDuty(
  state: FakeState,
  intercept?: Intercept,
): Promise<FakePagerDuty> {
  return startTestServer(async (request, res) => {
    if (await intercept?.(request, res)) {
      return;
    }
    if (request.headers.authorization !== `Token token=${TOKEN}`) {
      sendJson(res, { error: { message: 'Unauthorized', code: 2006 } }, 401);
      return;
    }
    const [status, body] = route(state, request.url);
    // Give concurrent requests a chance to overlap.
    await new Promise(resolve => setTimeout(resolve, 2));
    sendJson(res, body, status);
  });
}
