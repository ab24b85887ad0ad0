import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  FactDefinition,
  FactsPushEvaluation,
  FactsPushResult,
  readinessFactsPushPermission,
} from '@readiness/plugin-readiness-common';
import type { Request } from 'express';
import { CallerRateLimiter } from '../api/CallerRateLimiter';
import { RefusalAuditThrottle } from '../api/RefusalAuditThrottle';
import { ServiceAccessPolicy } from '../api/ServiceAccessPolicy';
import { EntityEvaluator } from '../evaluation/EntityEvaluator';
import { auditedStep, AuditedStepEvent } from '../lib/auditedStep';
import { callerOf } from '../lib/callerOf';
import { PushedFactsStore } from '../store';
import { EvaluationsAfterPush } from './EvaluationsAfterPush';
import { entityAllowsPusher, FACT_PUSHERS_ANNOTATION } from './factPushers';
import {
  FACTS_PUSH_EVENT_ID,
  factsPushAuditMeta,
  factsPushOutcomeMeta,
} from './factsPushAudit';
import { FactsPushBody, parseFactsPush } from './parseFactsPush';
import { PushLimits } from './readPushLimits';

export interface FactsPushServiceOptions {
  /** `readiness.pushedFacts`, full names. */
  definitions: readonly FactDefinition[];
  store: Pick<PushedFactsStore, 'push'>;
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  /** `readiness.serviceAccess.pushFacts`: services trusted for every entity. */
  services: ServiceAccessPolicy;
  limits: PushLimits;
  evaluator: Pick<EntityEvaluator, 'evaluate'>;
  /** Records every push, stored or refused (`facts-push`). */
  auditor: AuditorService;
  logger: LoggerService;
  /**
   * How long a push waits for the entity's evaluation before it answers;
   * the evaluation goes on after. 5 seconds by default.
   */
  evaluationWaitMs?: number;
  now?: () => Date;
}

const DEFAULT_EVALUATION_WAIT_MS = 5000;
/** A caller's 429s are audited once a minute at most, with a count. */
const RATE_REFUSAL_AUDIT_WINDOW_MS = 60_000;

/**
 * Stores facts a pipeline pushed about an entity and re-evaluates it. Only
 * services push (a CI job with a static token). Backstage's permission
 * framework allows every service whose token lets it ask for
 * `readiness.facts.push` at all, whatever the entity, so which entities a
 * service pushes to is decided here: those whose `readiness.dev/fact-pushers`
 * annotation names it, or all when `readiness.serviceAccess.pushFacts` does.
 * The entity is read with the plugin's own credentials, since a token
 * restricted to pushing cannot read the catalog; an entity that does not
 * exist is refused like one that does not name the caller, and the answer
 * tells nothing the caller did not send, so that pushing reveals nothing.
 * Every push goes to the auditor, refusals as failures.
 */
export class FactsPushService {
  private readonly evaluations: EvaluationsAfterPush;
  private readonly rate: CallerRateLimiter;
  private readonly rateRefusalAudits: RefusalAuditThrottle;

  constructor(private readonly options: FactsPushServiceOptions) {
    this.evaluations = new EvaluationsAfterPush(
      options.logger,
      options.limits.maxConcurrentEvaluations,
    );
    this.rate = new CallerRateLimiter(options.limits, 'pushes');
    this.rateRefusalAudits = new RefusalAuditThrottle({
      windowMs: RATE_REFUSAL_AUDIT_WINDOW_MS,
      maxTracked: options.limits.maxTracked,
    });
  }

  /**
   * Stores the push and re-evaluates the entity, as one auditor event
   * (with the request, so that it records the actor) that fails with any
   * refusal. Users are counted against the rate limit too, so that every
   * caller's audit events are bounded: beyond it, a caller's refusals are
   * audited once a minute, counting those left out.
   */
  async push(
    body: FactsPushBody,
    {
      credentials,
      request,
    }: { credentials: BackstageCredentials; request?: Request },
  ): Promise<FactsPushResult> {
    const { auditor } = this.options;
    const event: AuditedStepEvent = {
      eventId: FACTS_PUSH_EVENT_ID,
      // A write by a pipeline, as the catalog rates its writes.
      severityLevel: 'medium',
      request,
      meta: factsPushAuditMeta(body),
    };
    const caller = callerOf(credentials);
    try {
      this.rate.take(caller);
    } catch (refusal) {
      const unaudited = this.rateRefusalAudits.admit(caller);
      if (unaudited === undefined) {
        throw refusal;
      }
      const meta = { ...event.meta, unauditedRefusals: unaudited };
      return auditedStep(auditor, { ...event, meta }, () =>
        Promise.reject(refusal),
      );
    }
    return auditedStep(
      auditor,
      event,
      () => this.storeAndEvaluate(body, credentials),
      factsPushOutcomeMeta,
    );
  }

  private async storeAndEvaluate(
    body: FactsPushBody,
    credentials: BackstageCredentials,
  ): Promise<FactsPushResult> {
    const { store } = this.options;
    const principal = credentials.principal as
      | BackstageUserPrincipal
      | BackstageServicePrincipal;
    if (principal.type !== 'service') {
      throw new NotAllowedError(
        'Facts are pushed by pipelines with a service token (see backend.auth.externalAccess), not by users',
      );
    }
    const { subject } = principal;
    const now = this.options.now?.() ?? new Date();
    const push = parseFactsPush(body, this.options.definitions, now);
    const entity = await this.entityAllowing(push.entityRef, subject, {
      credentials,
    });
    const outcomes = await store.push({
      // As the catalog spells it, which is how evaluations read the facts.
      entityRef: stringifyEntityRef(entity),
      source: push.source,
      pushedBy: subject,
      observedAt: push.observedAt,
      pushedAt: now,
      facts: push.facts,
    });
    // A renewed observation too: a check with maxAge may pass again.
    const newer = [...outcomes.values()].some(
      outcome => outcome.changed || outcome.renewed,
    );
    return {
      entityRef: push.entityRef,
      facts: [...outcomes].map(([name, outcome]) =>
        outcome.stored
          ? { name, observedAt: outcome.storedObservedAt, stored: true }
          : // Another pipeline's observation time is not the caller's to see.
            { name, stored: false, reason: 'a later observation is stored' },
      ),
      evaluation: newer ? await this.evaluateAfterPush(entity) : 'unchanged',
    };
  }

  /**
   * The entity, if the caller may push facts about it; the same refusal
   * whether it does not exist or does not name the caller.
   */
  private async entityAllowing(
    entityRef: string,
    subject: string,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<Entity> {
    const { catalog, auth, permissions, services } = this.options;
    // With accessRestrictions, what lets a restricted token in at all.
    const [decision] = await permissions.authorize(
      [{ permission: readinessFactsPushPermission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${subject} may not push facts (readiness.facts.push)`,
      );
    }
    const entity = await catalog.getEntityByRef(entityRef, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (
      !entity ||
      !(
        services.lists('pushFacts', subject) ||
        entityAllowsPusher(entity, subject)
      )
    ) {
      throw new InputError(
        `no entity ${entityRef} allows ${subject} to push facts (annotation ${FACT_PUSHERS_ANNOTATION}); the entity's owners add the subject there, or readiness.serviceAccess.pushFacts lists it for every entity`,
      );
    }
    return entity;
  }

  /**
   * Evaluates the entity with its new facts, waiting a little for it so
   * that the pipeline's next read sees them, but not for slow collectors.
   */
  private async evaluateAfterPush(
    entity: Entity,
  ): Promise<FactsPushEvaluation> {
    const evaluated = this.evaluations.request(stringifyEntityRef(entity), () =>
      this.options.evaluator.evaluate(entity),
    );
    if (!evaluated) {
      return 'skipped';
    }
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'queued'>(resolve => {
      timer = setTimeout(
        () => resolve('queued'),
        this.options.evaluationWaitMs ?? DEFAULT_EVALUATION_WAIT_MS,
      );
    });
    try {
      return await Promise.race([
        evaluated.then(() => 'done' as const),
        waited,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
