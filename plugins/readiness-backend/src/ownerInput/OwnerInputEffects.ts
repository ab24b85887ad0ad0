import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityEvaluator } from '../evaluation/EntityEvaluator';
import type {
  OwnerInputStore,
  StoredOwnerInput,
} from '../store/ownerInput/OwnerInputStore';

/** How many earlier attestations one new attestation closes at most. */
const SUPERSEDED_PER_ATTESTATION = 100;

/**
 * What follows a stored step of the workflow. The step is already committed
 * when these run, so a failure here is logged and never turns the answer
 * into an error: the catalog run evaluates the entity within its interval.
 */
export class OwnerInputEffects {
  constructor(
    private readonly options: {
      store: OwnerInputStore;
      evaluator: EntityEvaluator;
      auditor: AuditorService;
      logger: LoggerService;
    },
  ) {}

  /** Evaluates the entity again so that the step counts at once. */
  async reevaluate(entity: Entity): Promise<void> {
    try {
      await this.options.evaluator.evaluate(entity);
    } catch (error) {
      this.options.logger.warn(
        `Could not re-evaluate ${stringifyEntityRef(
          entity,
        )} after an exemption or attestation changed: ${error}`,
      );
    }
  }

  /**
   * Revokes the earlier active attestations of the same practice, entity
   * and scorecard that an active attestation replaces, so that renewals do
   * not pile up in every evaluation's input.
   */
  async supersede(current: StoredOwnerInput): Promise<void> {
    if (current.kind !== 'attestation' || current.status !== 'active') {
      return;
    }
    const { store, auditor, logger } = this.options;
    try {
      const active = await store.list({
        kind: 'attestation',
        entityRef: current.entityRef,
        scorecardId: current.scorecardId,
        status: 'active',
        limit: SUPERSEDED_PER_ATTESTATION,
      });
      for (const earlier of active) {
        if (
          earlier.id !== current.id &&
          earlier.subjects[0] === current.subjects[0] &&
          earlier.requestedAt <= current.requestedAt
        ) {
          const revoked = await store.revoke('attestation', earlier.id, {
            by: current.decidedBy ?? current.requestedBy,
            at: current.decidedAt ?? current.requestedAt,
            comment: `Superseded by attestation ${current.id}`,
          });
          if (revoked) {
            const event = await auditor.createEvent({
              eventId: 'attestation-revocation',
              severityLevel: 'low',
              meta: { id: earlier.id, supersededBy: current.id },
            });
            await event.success({ meta: { status: revoked.status } });
          }
        }
      }
    } catch (error) {
      logger.warn(
        `Could not close attestations before ${current.id}: ${error}`,
      );
    }
  }
}
