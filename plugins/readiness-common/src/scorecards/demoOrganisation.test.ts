import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { appliesToEntity, evaluateScorecard } from '../engine';
import { catalogFacts } from '../facts';
import type { CatalogRelations } from '../facts';
import type { OwnerInput } from '../ownerInput';
import { loadBuiltInScorecards } from '../testUtils/builtInScorecards';
import { ScorecardDefinition } from '../types';

const root = path.resolve(__dirname, '../../../..');
const examples = path.join(root, 'examples');
const now = new Date('2026-11-25T10:00:00Z');
const builtIn = loadBuiltInScorecards();

/**
 * What the owners of the exemplary services attested under
 * production-readiness, as the demo organisation's seed should: a
 * disaster-recovery rehearsal, which no catalog file can show.
 */
function demoOwnerInput(entityRef: string): OwnerInput {
  const rehearsed = ['payments-service', 'fraud-model-serving'].map(
    name => `component:default/${name}`,
  );
  return {
    exemptions: [],
    attestations: rehearsed.includes(entityRef)
      ? [
          {
            id: `dr-${entityRef}`,
            attestation: 'dr-rehearsed',
            statement: 'Game day: failed over to the second region.',
            requestedBy: 'user:default/demo',
            attestedAt: '2026-09-15T10:00:00Z',
          },
        ]
      : [],
  };
}

function demoEntities(): Entity[] {
  return fs
    .readdirSync(examples)
    .filter(file => file.endsWith('.yaml'))
    .sort()
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(examples, file), 'utf8')),
    )
    .map(doc => doc.toJS() as Entity);
}

function refOf(
  value: string,
  defaultKind: string,
  context: Entity,
): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind,
        defaultNamespace: context.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter(v => typeof v === 'string') : [];

/**
 * What the catalog would hold for the demo entities: each entity with the
 * relations Readiness reads (`hasMember` on groups from users' `memberOf` and
 * groups' `members`, `apiProvidedBy` and `apiConsumedBy` on APIs from
 * components' `providesApis` and `consumesApis`), by entity ref.
 */
function demoCatalog(entities: Entity[]): Map<string, Entity> {
  const catalog = new Map(
    entities.map(e => [
      stringifyEntityRef(e),
      { ...e, relations: [] as NonNullable<Entity['relations']> },
    ]),
  );
  const relate = (from: string | undefined, type: string, to: string) =>
    from && catalog.get(from)?.relations.push({ type, targetRef: to });
  for (const entity of entities) {
    const self = stringifyEntityRef(entity);
    const spec = entity.spec ?? {};
    if (entity.kind === 'User') {
      for (const group of strings(spec.memberOf)) {
        relate(refOf(group, 'group', entity), 'hasMember', self);
      }
    }
    if (entity.kind === 'Group') {
      for (const user of strings(spec.members)) {
        const member = refOf(user, 'user', entity);
        if (member) {
          relate(self, 'hasMember', member);
        }
      }
    }
    for (const api of strings(spec.providesApis)) {
      relate(refOf(api, 'api', entity), 'apiProvidedBy', self);
    }
    for (const api of strings(spec.consumesApis)) {
      relate(refOf(api, 'api', entity), 'apiConsumedBy', self);
    }
  }
  return catalog;
}

/** Resolves the owner and system the way the backend does. */
function relationsOf(
  entity: Entity,
  catalog: Map<string, Entity>,
): CatalogRelations {
  const find = (value: unknown, kind: string): Entity | null => {
    const ref =
      typeof value === 'string' ? refOf(value, kind, entity) : undefined;
    return ref === undefined ? null : catalog.get(ref) ?? null;
  };
  return {
    owner: find(entity.spec?.owner, 'group'),
    system: find(entity.spec?.system, 'system'),
  };
}

function evaluateDemo(scorecard: ScorecardDefinition) {
  const catalog = demoCatalog(demoEntities());
  return [...catalog.values()]
    .filter(e => appliesToEntity(scorecard.appliesTo, e))
    .map(e =>
      evaluateScorecard(
        scorecard,
        e,
        catalogFacts(e, now, relationsOf(e, catalog)),
        now,
        demoOwnerInput(stringifyEntityRef(e)),
      ),
    );
}

function countLevels(levels: Array<string | null>): Record<string, number> {
  return levels.reduce<Record<string, number>>((acc, level) => {
    const key = level ?? 'none';
    return { ...acc, [key]: (acc[key] ?? 0) + 1 };
  }, {});
}

describe('the demo organisation', () => {
  const entities = demoEntities();

  it('holds only valid Backstage entities', async () => {
    const policy = EntityPolicies.allOf([
      new DefaultNamespaceEntityPolicy(),
      new NoForeignRootFieldsEntityPolicy(),
      new FieldFormatEntityPolicy(),
      new SchemaValidEntityPolicy(),
    ]);
    const validators = [
      apiEntityV1alpha1Validator,
      componentEntityV1alpha1Validator,
      domainEntityV1alpha1Validator,
      groupEntityV1alpha1Validator,
      locationEntityV1alpha1Validator,
      resourceEntityV1alpha1Validator,
      systemEntityV1alpha1Validator,
      userEntityV1alpha1Validator,
    ];
    for (const entity of entities) {
      const valid = await policy.enforce(entity);
      expect(valid).toBeDefined();
      const kinds = await Promise.all(validators.map(v => v.check(entity)));
      expect([stringifyEntityRef(entity), kinds.filter(Boolean)]).toEqual([
        stringifyEntityRef(entity),
        [true],
      ]);
    }
  });

  it('refers only to entities it holds', () => {
    const catalog = demoCatalog(entities);
    const unresolved: string[] = [];
    const check = (entity: Entity, field: string, kind: string) => {
      const spec = entity.spec ?? {};
      const value = spec[field];
      for (const target of Array.isArray(value) ? value : [value]) {
        if (typeof target === 'string') {
          const ref = refOf(target, kind, entity);
          if (!ref || !catalog.has(ref)) {
            unresolved.push(`${stringifyEntityRef(entity)} ${field} ${target}`);
          }
        }
      }
    };
    for (const entity of entities) {
      check(entity, 'owner', 'group');
      check(entity, 'system', 'system');
      check(entity, 'domain', 'domain');
      check(entity, 'parent', 'group');
      check(entity, 'children', 'group');
      check(entity, 'memberOf', 'group');
      check(entity, 'members', 'user');
      check(entity, 'providesApis', 'api');
      check(entity, 'consumesApis', 'api');
      check(entity, 'dependsOn', 'component');
      check(entity, 'subcomponentOf', 'component');
    }
    expect(unresolved).toEqual([]);
  });

  it('spreads services and websites over no level, Bronze, Silver and Gold under production-readiness', () => {
    const scorecard = builtIn.get('production-readiness')!;
    const results = evaluateDemo(scorecard);
    const counts = countLevels(results.map(r => r.level));
    expect(results.length).toBeGreaterThanOrEqual(25);
    const tooFew = ['none', 'bronze', 'silver', 'gold'].filter(
      level => (counts[level] ?? 0) < 2,
    );
    expect({ counts, tooFew }).toEqual({ counts, tooFew: [] });
    // Relations are resolved, so no check depends on an uncollected
    // catalog fact; only repository and integration facts, and attestations
    // the owners have not given, can be missing. A check unknown through a
    // reference names the referenced check, whose own reasons are checked
    // here too.
    const unknownForOtherReasons = results.flatMap(result =>
      result.checks
        .filter(
          check =>
            check.status === 'unknown' &&
            !(check.reason ?? '')
              .split('; ')
              .every(
                part =>
                  /^fact (repository|github|pagerduty|prometheus)\.\w+ was not collected$/.test(
                    part,
                  ) ||
                  /^check [\w-]+ is unknown$/.test(part) ||
                  /^no attestation "[\w-]+" yet: the owners can attest it on the Readiness tab$/.test(
                    part,
                  ),
              ),
        )
        .map(check => `${result.entityRef} ${check.id}: ${check.reason}`),
    );
    expect(unknownForOtherReasons).toEqual([]);
  });

  it('reaches the expected level for the exemplary, partial and bare services', () => {
    const scorecard = builtIn.get('production-readiness')!;
    const levels = Object.fromEntries(
      evaluateDemo(scorecard).map(r => [r.entityRef, r.level]),
    );
    expect(levels).toMatchObject({
      'component:default/payments-service': 'gold',
      'component:default/fraud-model-serving': 'gold',
      'component:default/support-assistant-api': 'silver',
      'component:default/ledger-service': 'silver',
      'component:default/refunds-service': 'bronze',
      'component:default/docs-rag-service': 'bronze',
      'component:default/growth-experiments': null,
      'component:default/infra-scratchpad': null,
      'component:default/promo-banner': null,
      'component:default/search-service': null,
    });
  });

  it('evaluates every API under api-quality with its relations', () => {
    const scorecard = builtIn.get('api-quality')!;
    const results = evaluateDemo(scorecard);
    expect(results.length).toBeGreaterThanOrEqual(8);
    for (const result of results) {
      expect(result.counts.unknown).toBe(0);
      expect(result.level).not.toBeNull();
    }
  });
});
