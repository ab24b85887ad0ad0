import { dayOf } from '@readiness/plugin-readiness-common';
import {
  AuditorService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  AttestationRequest,
  ExemptionRequest,
  OwnerInputDecision,
  OwnerInputRevocation,
  readinessExemptionRequestPermission,
  ScorecardDefinition,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import type { Request } from 'express';
import {
  NewOwnerInput,
  OwnerInputKind,
  OwnerInputStore,
  PendingRequestExistsError,
  StoredOwnerInput,
} from '../store/ownerInput/OwnerInputStore';
import { auditedStep } from '../lib/auditedStep';
import { OwnerInputEffects } from './OwnerInputEffects';
import { OwnerInputOf } from './toApiRecord';
import { OwnerInputApprovers, userOf } from './OwnerInputApprovers';
import { normalEntityRef, OwnerInputReader } from './OwnerInputReader';
import {
  checkAttestationRequest,
  checkDecisionEndDate,
  checkExemptionRequest,
} from './requestRules';

/** What a request stores besides its entity, scorecard, requester and time. */
type RequestFields = Omit<
  NewOwnerInput,
  'entityRef' | 'scorecardId' | 'requestedBy' | 'requestedAt'
>;

/** What the workflow needs. */
export interface OwnerInputWorkflowOptions {
  store: OwnerInputStore;
  reader: OwnerInputReader;
  approvers: OwnerInputApprovers;
  permissions: PermissionsService;
  /** Re-evaluation and clean-up after a committed step. */
  effects: OwnerInputEffects;
  /** The entity's current result on a scorecard, as the caller sees it. */
  currentResult(
    entity: Entity,
    scorecardId: string,
    credentials: BackstageCredentials,
  ): Promise<ScorecardResult | undefined>;
  auditor: AuditorService;
  now: () => Date;
}

/**
 * The workflow of exemptions and attestations: owners request, approvers
 * decide, either revokes. Each step is checked here, stored as one
 * conditional write, audited, and re-evaluates the entity when it changes
 * what applies.
 */
export class OwnerInputWorkflow {
  constructor(private readonly options: OwnerInputWorkflowOptions) {}

  async request<K extends OwnerInputKind>(
    kind: K,
    body: ExemptionRequest | AttestationRequest,
    credentials: BackstageCredentials,
    request?: Request,
  ): Promise<OwnerInputOf<K>> {
    const { reader } = this.options;
    return this.audited(kind, 'request', body, request, async () => {
      const user = this.requireUser(credentials, kind);
      const entityRef = normalEntityRef('entityRef', body.entityRef);
      const entity = await reader.visibleEntity(entityRef, credentials);
      await this.requirePermissionToRequest(entityRef, credentials, kind);
      const scorecard = reader.scorecardOf(body.scorecard);
      if (!scorecard) {
        throw new InputError(`scorecard: no scorecard "${body.scorecard}"`);
      }
      const current = await this.options.currentResult(
        entity,
        scorecard.id,
        credentials,
      );
      if (!current) {
        throw new InputError(
          `scorecard: scorecard ${scorecard.id} does not apply to ${entityRef}`,
        );
      }
      const now = this.options.now();
      const base = { entityRef, scorecardId: scorecard.id, requestedBy: user };
      const input =
        kind === 'exemption'
          ? this.exemptionToStore(body as ExemptionRequest, scorecard, current)
          : this.attestationToStore(body as AttestationRequest, scorecard);
      const stored = await this.create(
        { ...input, ...base, requestedAt: now },
        kind,
      );
      if (stored.status === 'active') {
        await this.options.effects.supersede(stored);
        await this.options.effects.reevaluate(entity);
      }
      return reader.toApi<K>(stored, credentials);
    });
  }

  async decide<K extends OwnerInputKind>(
    kind: K,
    id: string,
    decision: OwnerInputDecision,
    credentials: BackstageCredentials,
    request?: Request,
  ): Promise<OwnerInputOf<K>> {
    const { reader, store } = this.options;
    const meta = { id, ...decision };
    return this.onRecord(
      { kind, id, step: 'decision', meta, credentials, request },
      async ({ user, stored, entity }) => {
        if (stored.requestedBy === user) {
          throw new NotAllowedError(
            `You may not decide on your own ${kind} request`,
          );
        }
        await this.requireApprover(stored, credentials);
        this.requirePending(stored);
        const approve = decision.decision === 'approve';
        const comment = decision.comment.trim();
        if (comment.length === 0) {
          throw new InputError('comment: a decision must say why');
        }
        const now = this.options.now();
        if (
          approve &&
          stored.expiresAt !== null &&
          stored.expiresAt < dayOf(now)
        ) {
          throw new ConflictError(
            `The ${kind} ${id} ended on ${stored.expiresAt} before it was approved; it can only be rejected`,
          );
        }
        if (decision.expiresAt !== undefined) {
          if (kind !== 'exemption' || !approve) {
            throw new InputError(
              'expiresAt: only an approved exemption has an end date',
            );
          }
          checkDecisionEndDate(
            decision.expiresAt,
            stored.expiresAt ?? '',
            dayOf(now),
          );
        }
        const decided = await store.decide(kind, id, {
          approve,
          by: user,
          at: now,
          comment,
          ...(decision.expiresAt !== undefined && {
            expiresAt: decision.expiresAt,
          }),
        });
        if (!decided) {
          throw this.noLongerOpen(kind, id, 'pending');
        }
        if (approve) {
          await this.options.effects.supersede(decided);
          await this.options.effects.reevaluate(entity);
        }
        return reader.toApi<K>(decided, credentials, true);
      },
    );
  }

  async revoke<K extends OwnerInputKind>(
    kind: K,
    id: string,
    revocation: OwnerInputRevocation,
    credentials: BackstageCredentials,
    request?: Request,
  ): Promise<OwnerInputOf<K>> {
    const { reader, store } = this.options;
    const meta = { id, ...revocation };
    return this.onRecord(
      { kind, id, step: 'revocation', meta, credentials, request },
      async ({ user, stored, entity }) => {
        if (stored.requestedBy !== user) {
          await this.requireApprover(stored, credentials);
        }
        if (stored.status !== 'pending' && stored.status !== 'active') {
          throw new ConflictError(
            `The ${kind} ${id} has already ended (${stored.status})`,
          );
        }
        const revoked = await store.revoke(kind, id, {
          by: user,
          at: this.options.now(),
          ...(revocation.comment?.trim() && {
            comment: revocation.comment.trim(),
          }),
        });
        if (!revoked) {
          throw this.noLongerOpen(kind, id, 'pending or active');
        }
        // Always: an approval may have landed between the read and the write.
        await this.options.effects.reevaluate(entity);
        return reader.toApi<K>(revoked, credentials);
      },
    );
  }

  private exemptionToStore(
    body: ExemptionRequest,
    scorecard: ScorecardDefinition,
    current: ScorecardResult,
  ): RequestFields {
    const today = dayOf(this.options.now());
    const { checks, reason } = checkExemptionRequest(
      body,
      scorecard,
      current,
      today,
    );
    return {
      kind: 'exemption',
      subjects: checks,
      text: reason,
      expiresAt: body.expiresAt,
      status: 'pending',
      ...(body.link !== undefined && { link: body.link }),
    };
  }

  private attestationToStore(
    body: AttestationRequest,
    scorecard: ScorecardDefinition,
  ): RequestFields {
    const { statement } = checkAttestationRequest(body, scorecard);
    return {
      kind: 'attestation',
      subjects: [body.attestation],
      text: statement,
      status: scorecard.attestations?.requireConfirmation
        ? 'pending'
        : 'active',
      ...(body.link !== undefined && { link: body.link }),
    };
  }

  private async create(
    input: NewOwnerInput,
    kind: OwnerInputKind,
  ): Promise<StoredOwnerInput> {
    try {
      return await this.options.store.create(input);
    } catch (error) {
      if (error instanceof PendingRequestExistsError) {
        const field = kind === 'exemption' ? 'checks' : 'attestation';
        throw new InputError(
          `${field}: "${error.subject}" already has a pending request (${error.pendingId}); decide or revoke it first`,
        );
      }
      throw error;
    }
  }

  private requireUser(
    credentials: BackstageCredentials,
    kind: OwnerInputKind,
  ): string {
    const user = userOf(credentials);
    if (user === undefined) {
      throw new NotAllowedError(
        `Only signed-in users take part in the ${kind} workflow`,
      );
    }
    return user;
  }

  private async requirePermissionToRequest(
    entityRef: string,
    credentials: BackstageCredentials,
    kind: OwnerInputKind,
  ): Promise<void> {
    const [decision] = await this.options.permissions.authorize(
      [
        {
          permission: readinessExemptionRequestPermission,
          resourceRef: entityRef,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not request an ${kind} for ${entityRef} (readiness.exemption.request)`,
      );
    }
  }

  private async requireApprover(
    stored: StoredOwnerInput,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const scorecard = this.options.reader.scorecardOf(stored.scorecardId);
    if (!(await this.options.approvers.forCaller(credentials)(scorecard))) {
      throw new NotAllowedError(
        `Only members of the owner group of scorecard ${stored.scorecardId}, or holders of readiness.exemption.approve, may do this`,
      );
    }
  }

  private requirePending(stored: StoredOwnerInput): void {
    if (stored.status !== 'pending') {
      throw new ConflictError(
        `The ${stored.kind} ${stored.id} is no longer pending (${stored.status})`,
      );
    }
  }

  private noLongerOpen(
    kind: OwnerInputKind,
    id: string,
    was: string,
  ): ConflictError {
    return new ConflictError(
      `The ${kind} ${id} is no longer ${was}: someone else acted on it first`,
    );
  }

  /**
   * Runs a step on a stored record, audited: for a signed-in user, on a
   * record of an entity they may read (404 otherwise).
   */
  private onRecord<T extends { id: string; status: string }>(
    step: {
      kind: OwnerInputKind;
      id: string;
      step: string;
      meta: object;
      credentials: BackstageCredentials;
      request?: Request;
    },
    act: (on: {
      user: string;
      stored: StoredOwnerInput;
      entity: Entity;
    }) => Promise<T>,
  ): Promise<T> {
    const { kind, id, credentials } = step;
    return this.audited(kind, step.step, step.meta, step.request, async () => {
      const user = this.requireUser(credentials, kind);
      const { stored, entity } = await this.options.reader.visibleRecord(
        kind,
        id,
        credentials,
      );
      return act({ user, stored, entity });
    });
  }

  /** Runs a step as an auditor event that succeeds or fails with it. */
  private audited<T extends { id: string; status: string }>(
    kind: OwnerInputKind,
    step: string,
    meta: object,
    request: Request | undefined,
    run: () => Promise<T>,
  ): Promise<T> {
    return auditedStep(
      this.options.auditor,
      { eventId: `${kind}-${step}`, request, meta },
      run,
      result => ({ id: result.id, status: result.status }),
    );
  }
}
