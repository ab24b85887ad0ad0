import { addDays, dayOf } from '@readiness/plugin-readiness-common';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  OwnerInputQuery,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';
import { CatalogVisibility } from '../api/CatalogVisibility';
import { ScorecardRegistry } from '../scorecards/ScorecardRegistry';
import type {
  OwnerInputKind,
  OwnerInputStore,
  StoredOwnerInput,
} from '../store/ownerInput/OwnerInputStore';
import { OwnerInputApprovers, userOf } from './OwnerInputApprovers';
import {
  actionsOn,
  OwnerInputOf,
  toAttestation,
  toExemption,
} from './toApiRecord';

const DEFAULT_LIMIT = 100;

/** What reading exemptions and attestations needs. */
export interface OwnerInputReaderOptions {
  store: OwnerInputStore;
  catalog: CatalogService;
  registry: ScorecardRegistry;
  visibility: CatalogVisibility;
  approvers: OwnerInputApprovers;
  now: () => Date;
}

/** An entity ref as stored (full, lower case), or a 400 naming `field`. */
export function normalEntityRef(field: string, ref: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch (error) {
    throw new InputError(`${field}: "${ref}" is not an entity ref: ${error}`);
  }
}

/**
 * Exemptions and attestations as a caller may see them: only those of
 * entities the catalog lets them read, each with what they may do with it.
 */
export class OwnerInputReader {
  constructor(private readonly options: OwnerInputReaderOptions) {}

  /** A scorecard in force, or `undefined` when it was removed since. */
  scorecardOf(id: string): ScorecardDefinition | undefined {
    return this.options.registry.list().find(s => s.scorecard.id === id)
      ?.scorecard;
  }

  /** The entity as the caller may read it; 404 otherwise. */
  async visibleEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return entity;
  }

  /** A stored record of an entity the caller may read; 404 otherwise. */
  async visibleRecord(
    kind: OwnerInputKind,
    id: string,
    credentials: BackstageCredentials,
  ): Promise<{ stored: StoredOwnerInput; entity: Entity }> {
    const stored = await this.options.store.get(kind, id);
    const entity =
      stored &&
      (await this.options.catalog.getEntityByRef(stored.entityRef, {
        credentials,
      }));
    if (!stored || !entity) {
      throw new NotFoundError(`No ${kind} ${id}`);
    }
    return { stored, entity };
  }

  async get<K extends OwnerInputKind>(
    kind: K,
    id: string,
    credentials: BackstageCredentials,
  ): Promise<OwnerInputOf<K>> {
    const { stored } = await this.visibleRecord(kind, id, credentials);
    return this.toApi<K>(stored, credentials);
  }

  async list<K extends OwnerInputKind>(
    kind: K,
    query: OwnerInputQuery,
    credentials: BackstageCredentials,
  ): Promise<Array<OwnerInputOf<K>>> {
    const { store, visibility, now } = this.options;
    const stored = await store.list({
      kind,
      ...(query.entity !== undefined && {
        entityRef: normalEntityRef('entity', query.entity),
      }),
      ...(query.owner !== undefined && {
        ownerRef: normalEntityRef('owner', query.owner),
      }),
      scorecardId: query.scorecard,
      status: query.status,
      ...(query.expiringWithinDays !== undefined && {
        expiringBy: addDays(dayOf(now()), query.expiringWithinDays),
      }),
      visible: await visibility.visibleEntityRefs(credentials),
      limit: query.limit ?? DEFAULT_LIMIT,
    });
    const mayDecide = this.options.approvers.forCaller(credentials);
    return Promise.all(
      stored.map(async record =>
        this.toApi<K>(
          record,
          credentials,
          await mayDecide(this.scorecardOf(record.scorecardId)),
        ),
      ),
    );
  }

  /** The API's shape, with the caller's actions. */
  async toApi<K extends OwnerInputKind>(
    stored: StoredOwnerInput,
    credentials: BackstageCredentials,
    approver?: boolean,
  ): Promise<OwnerInputOf<K>> {
    const caller = {
      user: userOf(credentials),
      approver:
        approver ??
        (await this.options.approvers.forCaller(credentials)(
          this.scorecardOf(stored.scorecardId),
        )),
    };
    const actions = actionsOn(stored, caller);
    return (
      stored.kind === 'exemption'
        ? toExemption(stored, actions)
        : toAttestation(stored, actions)
    ) as OwnerInputOf<K>;
  }
}
