import {
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
  readinessFactsPushPermission,
} from '@readiness/plugin-readiness-common';
import { EntityEvaluator } from '../evaluation/EntityEvaluator';
import { PushedFactsStore } from '../store';
import { EvaluationsAfterPush } from './EvaluationsAfterPush';
import { FactsPushBody, parseFactsPush } from './parseFactsPush';

/** The answer to `POST /facts`. */
export interface FactsPushResult {
  entityRef: string;
  facts: Array<{
    name: string;
    /** The observation stored now: the push's, or a later one kept. */
    observedAt: string;
    stored: boolean;
    /** Why the value was not stored. */
    reason?: string;
  }>;
}

export interface FactsPushServiceOptions {
  /** `readiness.pushedFacts`, full names. */
  definitions: readonly FactDefinition[];
  store: Pick<PushedFactsStore, 'push'>;
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  evaluator: Pick<EntityEvaluator, 'evaluate'>;
  logger: LoggerService;
  /**
   * How long a push waits for the entity's evaluation before it answers;
   * the evaluation goes on after. 5 seconds by default.
   */
  evaluationWaitMs?: number;
  now?: () => Date;
}

const DEFAULT_EVALUATION_WAIT_MS = 5000;

/**
 * Stores facts a pipeline pushed about an entity and re-evaluates it. Only
 * services push (a CI job with a static token); the permission
 * `readiness.facts.push` on the entity is decided before anything about the
 * entity is read, and the entity is then read with the plugin's own
 * credentials, since a token restricted to pushing cannot read the catalog.
 */
export class FactsPushService {
  private readonly evaluations: EvaluationsAfterPush;

  constructor(private readonly options: FactsPushServiceOptions) {
    this.evaluations = new EvaluationsAfterPush(options.logger);
  }

  async push(
    body: FactsPushBody,
    credentials: BackstageCredentials,
  ): Promise<FactsPushResult> {
    const { catalog, auth, permissions, store } = this.options;
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
    const [decision] = await permissions.authorize(
      [
        {
          permission: readinessFactsPushPermission,
          resourceRef: push.entityRef,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${subject} may not push facts about ${push.entityRef} (readiness.facts.push)`,
      );
    }
    const entity = await catalog.getEntityByRef(push.entityRef, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      throw new InputError(
        `entityRef names no entity in the catalog: ${push.entityRef}`,
      );
    }
    // As the catalog spells it, which is how evaluations read the facts.
    const entityRef = stringifyEntityRef(entity);
    const outcomes = await store.push({
      entityRef,
      source: push.source,
      pushedBy: subject,
      observedAt: push.observedAt,
      pushedAt: now,
      facts: push.facts,
    });
    if ([...outcomes.values()].some(outcome => outcome.stored)) {
      await this.evaluateAfterPush(entity, entityRef);
    }
    return {
      entityRef,
      facts: [...outcomes].map(([name, outcome]) => ({
        name,
        observedAt: outcome.storedObservedAt,
        stored: outcome.stored,
        ...(outcome.stored
          ? {}
          : {
              reason: `a later observation, at ${outcome.storedObservedAt}, is stored; an older one does not replace it`,
            }),
      })),
    };
  }

  /**
   * Evaluates the entity with its new facts, waiting a little for it so
   * that the pipeline's next read sees them, but not for slow collectors.
   */
  private async evaluateAfterPush(
    entity: Entity,
    entityRef: string,
  ): Promise<void> {
    const evaluated = this.evaluations.request(entityRef, () =>
      this.options.evaluator.evaluate(entity),
    );
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>(resolve => {
      timer = setTimeout(
        resolve,
        this.options.evaluationWaitMs ?? DEFAULT_EVALUATION_WAIT_MS,
      );
    });
    try {
      await Promise.race([evaluated, waited]);
    } finally {
      clearTimeout(timer);
    }
  }
}
