import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CheckResult,
  EntityReadiness,
} from '@readiness/plugin-readiness-common';
import { relationRefOf } from '../facts/CatalogRelationsResolver';

/**
 * The facts `catalogFacts` derives from the entity's owner and system (the
 * domain is the system's), by the relation they come from.
 */
const RELATION_FACTS = {
  owner: ['catalog.ownerResolved', 'catalog.ownerMembers'],
  system: ['catalog.systemResolved', 'catalog.domain'],
} as const;

type Relation = keyof typeof RELATION_FACTS;

/**
 * Leaves out of a result what it says about entities the caller may not
 * read. Owner and system facts are resolved with the plugin's credentials,
 * so that results do not depend on who asked first; a caller who may read
 * the entity but not its owner or system still gets every check's status
 * (a verdict on the entity), but not the evidence values and reasons that
 * would tell the hidden entity's members, domain or existence.
 */
export class RelationEvidenceRedactor {
  constructor(private readonly catalog: CatalogService) {}

  async redact(
    entity: Entity,
    readiness: EntityReadiness,
    credentials: BackstageCredentials,
  ): Promise<EntityReadiness> {
    const namespace = entity.metadata.namespace ?? 'default';
    const refs: Record<Relation, string | undefined> = {
      owner: relationRefOf(entity.spec?.owner, 'group', namespace),
      system: relationRefOf(entity.spec?.system, 'system', namespace),
    };
    const used = (Object.keys(RELATION_FACTS) as Relation[]).filter(relation =>
      readiness.scorecards.some(result =>
        result.checks.some(check => mentions(check, RELATION_FACTS[relation])),
      ),
    );
    if (used.length === 0) {
      return readiness;
    }
    const asked = used.map(relation => refs[relation]);
    const { items } = await this.catalog.getEntitiesByRefs(
      {
        entityRefs: asked.filter((ref): ref is string => ref !== undefined),
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    );
    let found = 0;
    const hidden = used.filter(relation => {
      if (refs[relation] === undefined) {
        return false; // declares none: nothing about another entity
      }
      return !items[found++];
    });
    if (hidden.length === 0) {
      return readiness;
    }
    return {
      ...readiness,
      scorecards: readiness.scorecards.map(result => ({
        ...result,
        checks: result.checks.map(check =>
          hidden.reduce(
            (redacted, relation) =>
              withoutFacts(
                redacted,
                RELATION_FACTS[relation],
                `${refs[relation]} is not in the catalog or you may not see it`,
              ),
            check,
          ),
        ),
      })),
    };
  }
}

function mentions(check: CheckResult, facts: readonly string[]): boolean {
  return (
    check.evidence.some(e => facts.includes(e.fact)) ||
    facts.some(fact => check.reason?.includes(fact))
  );
}

/** The check without evidence of these facts, nor reasons that name them. */
function withoutFacts(
  check: CheckResult,
  facts: readonly string[],
  why: string,
): CheckResult {
  if (!mentions(check, facts)) {
    return check;
  }
  const named = facts.filter(fact => check.reason?.includes(fact));
  return {
    ...check,
    evidence: check.evidence.filter(e => !facts.includes(e.fact)),
    ...(named.length > 0 && {
      reason: `${named.join(' and ')} not shown: ${why}`,
    }),
  };
}
