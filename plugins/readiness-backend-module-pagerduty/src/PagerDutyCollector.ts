import {
  isRecord,
  PAGERDUTY_FACTS,
  type EntityPredicate,
} from '@readiness/plugin-readiness-common';
import {
  PerEntityFactCollector,
  describeError,
  encodePathSegment,
  UnsafeUrlValueError,
  type CollectedFacts,
  type FactCollector,
} from '@readiness/plugin-readiness-node';
import {
  PagerDutyClient,
  PagerDutyRequestContext,
  PagerDutyResponseError,
} from './PagerDutyClient';

/** The entity type of the extension point, without depending on the catalog model. */
type Entity = Parameters<FactCollector['collect']>[0][number];

/** The annotations of the PagerDuty plugin for Backstage. */
export const SERVICE_ID_ANNOTATION = 'pagerduty.com/service-id';
export const INTEGRATION_KEY_ANNOTATION = 'pagerduty.com/integration-key';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long the integration key → service lookup is reused. */
const KEY_INDEX_TTL_MS = 10 * 60 * 1000;

/** The warning for an entity left out of a batch, in this module's wording. */
function leftOutWarning(ref: string, error: unknown): string {
  return `Could not collect PagerDuty facts of ${ref}: ${describeError(error)}`;
}

/** Enough of an integration key to recognise it, not to use it. */
function maskKey(key: string): string {
  return key.length > 8 ? `…${key.slice(-4)}` : '…';
}

/**
 * A PagerDuty object id (e.g. `PABC123`: letters and digits) as the path
 * segment of a URL; anything else, such as `..` or `x/y`, is refused before
 * a request is sent, naming `what` it came from.
 */
function idSegment(id: string, what: string): string {
  if (!/^[A-Za-z0-9]{1,64}$/.test(id)) {
    throw new UnsafeUrlValueError(
      `${what} ${JSON.stringify(
        id.length > 80 ? `${id.slice(0, 80)}…` : id,
      )} is not a PagerDuty id (letters and digits)`,
    );
  }
  return encodePathSegment(id, what);
}

interface KeyIndex {
  serviceIdByKey: Map<string, string>;
  services: number;
  complete: boolean;
}

/** Incidents' count and mean time to resolve. @internal */
export function summariseIncidents(incidents: unknown[]): {
  count: number;
  mttrMinutes: number | null;
} {
  const seen = new Set<unknown>();
  const minutes: number[] = [];
  for (const incident of incidents) {
    if (!isRecord(incident)) {
      throw new Error(`PagerDuty listed an incident that is not an object`);
    }
    // Offset pages can shift while they are read: count each incident once.
    const key = incident.id ?? incident;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    if (incident.status !== 'resolved') {
      continue;
    }
    const created = Date.parse(String(incident.created_at));
    const resolved = Date.parse(
      String(incident.resolved_at ?? incident.last_status_change_at),
    );
    if (Number.isFinite(created) && resolved >= created) {
      minutes.push((resolved - created) / 60_000);
    }
  }
  return {
    count: seen.size,
    mttrMinutes: minutes.length
      ? Math.round((minutes.reduce((a, b) => a + b, 0) / minutes.length) * 10) /
        10
      : null,
  };
}

/**
 * The PagerDuty facts of entities with a `pagerduty.com/service-id` (or
 * else `pagerduty.com/integration-key`) annotation: whether the service is
 * active, its escalation levels, who is on call, and its incidents of the
 * last 30 days with their mean time to resolve.
 *
 * A service that PagerDuty does not know (404) is a misconfiguration, not
 * an inactive service: its collection fails with that reason, so its facts
 * are unknown rather than failing checks. `serviceActive` is false only
 * for a service that exists with status `disabled`.
 *
 * Entities are collected at once, within the client's concurrency limit.
 *
 * @internal
 */
export class PagerDutyCollector extends PerEntityFactCollector {
  readonly id = 'pagerduty';
  readonly facts = PAGERDUTY_FACTS;
  readonly appliesTo: EntityPredicate = {
    $any: [
      {
        [`metadata.annotations.${SERVICE_ID_ANNOTATION}`]: { $exists: true },
      },
      {
        [`metadata.annotations.${INTEGRATION_KEY_ANNOTATION}`]: {
          $exists: true,
        },
      },
    ],
  };

  private keyIndex?: { builtAt: number; index: Promise<KeyIndex> };

  protected readonly batchOptions = { warning: leftOutWarning };

  constructor(
    private readonly client: PagerDutyClient,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  protected async collectOne(
    entity: Entity,
    context: PagerDutyRequestContext,
  ): Promise<CollectedFacts> {
    const serviceId = await this.serviceIdOf(entity, context);
    const service = await this.service(serviceId, context);
    const policy = isRecord(service.escalation_policy)
      ? service.escalation_policy
      : undefined;
    const policyId = typeof policy?.id === 'string' ? policy.id : undefined;
    const now = this.now();
    const [escalationLevels, onCall, incidents] = await Promise.all([
      policy && policyId
        ? this.escalationLevels(policy, policyId, context)
        : null,
      policyId ? this.onCall(policyId, context) : [],
      this.incidents(serviceId, now, context),
    ]);
    return {
      'pagerduty.serviceActive': service.status !== 'disabled',
      'pagerduty.escalationLevels': escalationLevels,
      'pagerduty.onCall': onCall,
      'pagerduty.incidents30d': incidents.count,
      'pagerduty.mttrMinutes': incidents.mttrMinutes,
    };
  }

  private async serviceIdOf(
    entity: Entity,
    context: PagerDutyRequestContext,
  ): Promise<string> {
    const annotations = entity.metadata.annotations ?? {};
    const serviceId = annotations[SERVICE_ID_ANNOTATION]?.trim();
    if (serviceId) {
      idSegment(serviceId, SERVICE_ID_ANNOTATION);
      return serviceId;
    }
    const key = annotations[INTEGRATION_KEY_ANNOTATION]?.trim();
    if (key) {
      return this.serviceIdOfKey(key, context);
    }
    throw new Error(
      `the ${SERVICE_ID_ANNOTATION} and ${INTEGRATION_KEY_ANNOTATION} annotations are empty`,
    );
  }

  /**
   * PagerDuty cannot look a service up by integration key: the services
   * are listed with their integrations (up to `maxPages` pages) and the
   * lookup is reused for ten minutes by every entity.
   */
  private async serviceIdOfKey(
    key: string,
    context: PagerDutyRequestContext,
  ): Promise<string> {
    const nowMs = Date.now();
    if (!this.keyIndex || nowMs - this.keyIndex.builtAt > KEY_INDEX_TTL_MS) {
      const entry = {
        builtAt: nowMs,
        index: this.buildKeyIndex(context),
      };
      this.keyIndex = entry;
      // A failed lookup is not reused: the next entity tries again.
      entry.index.catch(() => {
        if (this.keyIndex === entry) {
          this.keyIndex = undefined;
        }
      });
    }
    const index = await this.keyIndex.index;
    const serviceId = index.serviceIdByKey.get(key);
    if (serviceId) {
      return serviceId;
    }
    throw new Error(
      index.complete
        ? `no PagerDuty service has an integration with the key ${maskKey(
            key,
          )} of ${INTEGRATION_KEY_ANNOTATION}`
        : `none of the first ${
            index.services
          } PagerDuty services has an integration with the key ${maskKey(
            key,
          )} of ${INTEGRATION_KEY_ANNOTATION}; raise readiness.pagerduty.maxPages or use ${SERVICE_ID_ANNOTATION}`,
    );
  }

  private async buildKeyIndex(
    context: PagerDutyRequestContext,
  ): Promise<KeyIndex> {
    const { items, complete } = await this.client.list(
      '/services',
      [['include[]', 'integrations']],
      'services',
      context,
    );
    const serviceIdByKey = new Map<string, string>();
    for (const service of items) {
      if (!isRecord(service) || typeof service.id !== 'string') {
        continue;
      }
      const integrations = Array.isArray(service.integrations)
        ? service.integrations
        : [];
      for (const integration of integrations) {
        const key = isRecord(integration)
          ? integration.integration_key
          : undefined;
        if (typeof key === 'string' && key && !serviceIdByKey.has(key)) {
          serviceIdByKey.set(key, service.id);
        }
      }
    }
    return { serviceIdByKey, services: items.length, complete };
  }

  private async service(
    serviceId: string,
    context: PagerDutyRequestContext,
  ): Promise<Record<string, unknown>> {
    let body: Record<string, unknown>;
    try {
      body = await this.client.get(
        `/services/${idSegment(serviceId, 'the PagerDuty service id')}`,
        [['include[]', 'escalation_policies']],
        context,
      );
    } catch (error) {
      if (error instanceof PagerDutyResponseError && error.status === 404) {
        throw new Error(`PagerDuty service ${serviceId} not found`);
      }
      throw error;
    }
    const service = body.service;
    if (!isRecord(service) || typeof service.status !== 'string') {
      throw new Error(
        `PagerDuty GET /services/${serviceId} answered without a service and its status`,
      );
    }
    return service;
  }

  /** The rules of the policy, from the service when included, else fetched. */
  private async escalationLevels(
    policy: Record<string, unknown>,
    policyId: string,
    context: PagerDutyRequestContext,
  ): Promise<number> {
    if (Array.isArray(policy.escalation_rules)) {
      return policy.escalation_rules.length;
    }
    const path = `/escalation_policies/${idSegment(
      policyId,
      'the escalation policy id',
    )}`;
    let body: Record<string, unknown>;
    try {
      body = await this.client.get(path, [], context);
    } catch (error) {
      if (error instanceof PagerDutyResponseError && error.status === 404) {
        throw new Error(`PagerDuty escalation policy ${policyId} not found`);
      }
      throw error;
    }
    const rules = isRecord(body.escalation_policy)
      ? body.escalation_policy.escalation_rules
      : undefined;
    if (!Array.isArray(rules)) {
      throw new Error(
        `PagerDuty GET ${path} answered without an escalation policy and its rules`,
      );
    }
    return rules.length;
  }

  /** Who is on call now, lowest escalation level first, each once. */
  private async onCall(
    policyId: string,
    context: PagerDutyRequestContext,
  ): Promise<string[]> {
    const { items, complete } = await this.client.list(
      '/oncalls',
      [
        ['escalation_policy_ids[]', policyId],
        ['earliest', 'true'],
      ],
      'oncalls',
      context,
    );
    if (!complete) {
      throw new Error(
        `PagerDuty lists more than ${this.client.maxPages} pages of on-calls for escalation policy ${policyId}; raise readiness.pagerduty.maxPages`,
      );
    }
    const names = items
      .filter(isRecord)
      .map((oncall, order) => ({
        level:
          typeof oncall.escalation_level === 'number'
            ? oncall.escalation_level
            : Infinity,
        order,
        name: isRecord(oncall.user) ? oncall.user.summary : undefined,
      }))
      .filter((o): o is typeof o & { name: string } =>
        Boolean(typeof o.name === 'string' && o.name),
      )
      .sort((a, b) => a.level - b.level || a.order - b.order)
      .map(o => o.name);
    return [...new Set(names)];
  }

  private async incidents(
    serviceId: string,
    now: Date,
    context: PagerDutyRequestContext,
  ) {
    const { items, complete } = await this.client.list(
      '/incidents',
      [
        ['service_ids[]', serviceId],
        ['since', new Date(now.getTime() - 30 * DAY_MS).toISOString()],
        ['until', now.toISOString()],
        ['statuses[]', 'triggered'],
        ['statuses[]', 'acknowledged'],
        ['statuses[]', 'resolved'],
        ['time_zone', 'UTC'],
      ],
      'incidents',
      context,
    );
    if (!complete) {
      throw new Error(
        `PagerDuty service ${serviceId} has more incidents in the last 30 days than ${this.client.maxPages} pages hold; raise readiness.pagerduty.maxPages`,
      );
    }
    return summariseIncidents(items);
  }
}
