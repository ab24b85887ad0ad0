import { parseEntityRef, type Entity } from '@backstage/catalog-model';
import { isRecord } from '../isRecord';
import { Fact, FactDefinition, FactValue } from '../types';

/**
 * The source name of facts read from the entity itself.
 *
 * @public
 */
export const CATALOG_SOURCE = 'catalog';

/**
 * The entities that an entity's `spec.owner` and `spec.system` refer to, as
 * the caller resolved them in the catalog; `null` when the reference resolves
 * to nothing (or the entity declares none); `undefined` when the caller could
 * not tell (say, the CLI was not given the file that defines the owner), which
 * leaves that relation's facts out, so that checks on them are `unknown`.
 *
 * @public
 */
export interface CatalogRelations {
  owner: Entity | null | undefined;
  system: Entity | null | undefined;
}

/**
 * Every fact that {@link catalogFacts} returns.
 *
 * @public
 */
export const CATALOG_FACTS: FactDefinition[] = [
  {
    name: 'catalog.kind',
    type: 'string',
    description: 'The entity kind as declared, e.g. `Component`.',
  },
  {
    name: 'catalog.type',
    type: 'string',
    description: '`spec.type`, e.g. `service`, `website`, `openapi`.',
  },
  {
    name: 'catalog.owner',
    type: 'string',
    description: '`spec.owner` as declared, e.g. `group:default/team-a`.',
  },
  {
    name: 'catalog.ownerKind',
    type: 'string',
    description:
      'The kind of the `spec.owner` reference, lowercased (`group` when the reference names no kind, as the catalog reads it).',
  },
  {
    name: 'catalog.ownerResolved',
    type: 'boolean',
    description:
      'The owner reference resolves to an entity in the catalog. Collected only when relations are resolved.',
  },
  {
    name: 'catalog.ownerMembers',
    type: 'number',
    description:
      'How many members (`hasMember` relations) the owning group has; 0 for a user or an unresolved owner. Collected only when relations are resolved.',
  },
  {
    name: 'catalog.lifecycle',
    type: 'string',
    description: '`spec.lifecycle` as declared, e.g. `production`.',
  },
  {
    name: 'catalog.system',
    type: 'string',
    description: '`spec.system` as declared.',
  },
  {
    name: 'catalog.systemResolved',
    type: 'boolean',
    description:
      'The system reference resolves to an entity in the catalog. Collected only when relations are resolved.',
  },
  {
    name: 'catalog.domain',
    type: 'string',
    description:
      "The domain of the entity's system (the system's `spec.domain`). Collected only when relations are resolved.",
  },
  {
    name: 'catalog.description',
    type: 'string',
    description: '`metadata.description`.',
  },
  {
    name: 'catalog.tags',
    type: 'string-list',
    description: '`metadata.tags`.',
  },
  {
    name: 'catalog.labels',
    type: 'string-map',
    description: '`metadata.labels`; read one with `key`.',
  },
  {
    name: 'catalog.annotations',
    type: 'string-map',
    description:
      '`metadata.annotations`; read one with `key`, e.g. `pagerduty.com/service-id`.',
  },
  {
    name: 'catalog.linkTypes',
    type: 'string-list',
    description:
      'The `type` of every link in `metadata.links`, lowercased, e.g. `runbook`, `dashboard`.',
  },
  {
    name: 'catalog.providesApis',
    type: 'string-list',
    description: '`spec.providesApis`.',
  },
  {
    name: 'catalog.consumesApis',
    type: 'string-list',
    description: '`spec.consumesApis`.',
  },
  {
    name: 'catalog.dependsOn',
    type: 'string-list',
    description: '`spec.dependsOn`.',
  },
  {
    name: 'catalog.apiDefinition',
    type: 'boolean',
    description:
      'An API declares its definition in `spec.definition` (inline, or a `$text`/`$json`/`$yaml`/`$openapi`/`$asyncapi` placeholder that the catalog substitutes).',
  },
  {
    name: 'catalog.apiProviders',
    type: 'number',
    description:
      'How many components provide this API (`apiProvidedBy` relations). Collected only from a catalog entity, which carries its relations.',
  },
  {
    name: 'catalog.apiConsumers',
    type: 'number',
    description:
      'How many components consume this API (`apiConsumedBy` relations). Collected only from a catalog entity, which carries its relations.',
  },
];

/**
 * `${{ values.x }}` (Scaffolder), `{{ x }}` / `{% … %}` (Nunjucks, Jinja) and
 * `${VAR}` (shell) mark a value that is not filled in yet: a skeleton's
 * placeholder declares nothing.
 */
const TEMPLATED = /\$\{|\{\{|\{%/;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A declared value, not a placeholder. */
function declared(value: unknown): string | null {
  const result = text(value);
  return result !== null && !TEMPLATED.test(result) ? result : null;
}

function declaredList(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap(v => {
    const item = declared(v);
    return item === null ? [] : [item];
  });
}

/**
 * Only declared string values: the catalog rejects entities with any other,
 * and a placeholder declares nothing.
 */
function stringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' && !TEMPLATED.test(entry[1]),
    ),
  );
}

function linkTypes(links: unknown): string[] {
  if (!Array.isArray(links)) {
    return [];
  }
  const types = links.flatMap(link => {
    const type = isRecord(link) ? declared(link.type) : null;
    return type === null ? [] : [type.trim().toLocaleLowerCase('en-US')];
  });
  return [...new Set(types)];
}

function ownerKind(owner: string | null, namespace: string): string | null {
  if (owner === null) {
    return null;
  }
  try {
    return parseEntityRef(owner.trim(), {
      defaultKind: 'group',
      defaultNamespace: namespace,
    }).kind.toLocaleLowerCase('en-US');
  } catch {
    return null;
  }
}

const SUBSTITUTIONS = ['$text', '$json', '$yaml', '$openapi', '$asyncapi'];

function apiDefinition(definition: unknown): boolean {
  if (typeof definition === 'string') {
    return declared(definition) !== null;
  }
  if (isRecord(definition)) {
    const keys = Object.keys(definition);
    return (
      keys.length === 1 &&
      SUBSTITUTIONS.includes(keys[0]) &&
      declared(definition[keys[0]]) !== null
    );
  }
  return false;
}

function countRelations(entity: unknown, type: string): number | undefined {
  const relations = isRecord(entity) ? entity.relations : undefined;
  if (!Array.isArray(relations)) {
    return undefined;
  }
  const targets = relations.flatMap(relation =>
    isRecord(relation) && relation.type === type
      ? [JSON.stringify(relation.targetRef ?? relation.target ?? null)]
      : [],
  );
  return new Set(targets).size;
}

function kindOf(entity: unknown): string | null {
  return isRecord(entity) && typeof entity.kind === 'string'
    ? entity.kind.toLocaleLowerCase('en-US')
    : null;
}

function relationValues(
  relations: CatalogRelations,
): Record<string, FactValue> {
  const owner: unknown = relations.owner;
  const system: unknown = relations.system;
  const systemSpec =
    isRecord(system) && isRecord(system.spec) ? system.spec : {};
  return {
    ...(owner !== undefined && {
      'catalog.ownerResolved': isRecord(owner),
      'catalog.ownerMembers':
        kindOf(owner) === 'group' ? countRelations(owner, 'hasMember') ?? 0 : 0,
    }),
    ...(system !== undefined && {
      'catalog.systemResolved': isRecord(system),
      'catalog.domain': declared(systemSpec.domain),
    }),
  };
}

/**
 * The facts that the entity's own catalog data declares. Every fact is always
 * present (with `null`, `false` or an empty list when the entity does not
 * declare it), so that a missing annotation fails a check instead of making
 * it unknown.
 *
 * The exceptions are facts that need other entities: the owner and system
 * facts (`catalog.ownerResolved`, `catalog.ownerMembers`,
 * `catalog.systemResolved`, `catalog.domain`) are present only when
 * `relations` is given, and the API relation counts only when the entity
 * carries the relations the catalog computed (`entity.relations`). Without
 * them a check is `unknown`, never guessed.
 *
 * Robust to entities that do not validate: values of the wrong type are not
 * declared, and so are placeholders such as `${{ values.owner }}`.
 *
 * @public
 */
export function catalogFacts(
  entity: Entity,
  observedAt: Date,
  relations?: CatalogRelations,
): Record<string, Fact> {
  const raw: unknown = entity;
  const root = isRecord(raw) ? raw : {};
  const metadata = isRecord(root.metadata) ? root.metadata : {};
  const spec = isRecord(root.spec) ? root.spec : {};
  const namespace = declared(metadata.namespace) ?? 'default';
  const owner = declared(spec.owner);
  const isApi = kindOf(root) === 'api';

  const values: Record<string, FactValue> = {
    'catalog.kind': text(root.kind),
    'catalog.type': declared(spec.type),
    'catalog.owner': owner,
    'catalog.ownerKind': ownerKind(owner, namespace),
    'catalog.lifecycle': declared(spec.lifecycle),
    'catalog.system': declared(spec.system),
    'catalog.description': declared(metadata.description),
    'catalog.tags': declaredList(metadata.tags),
    'catalog.labels': stringMap(metadata.labels),
    'catalog.annotations': stringMap(metadata.annotations),
    'catalog.linkTypes': linkTypes(metadata.links),
    'catalog.providesApis': declaredList(spec.providesApis),
    'catalog.consumesApis': declaredList(spec.consumesApis),
    'catalog.dependsOn': declaredList(spec.dependsOn),
    'catalog.apiDefinition': isApi && apiDefinition(spec.definition),
    ...(relations && relationValues(relations)),
  };
  const providers = countRelations(root, 'apiProvidedBy');
  const consumers = countRelations(root, 'apiConsumedBy');
  if (providers !== undefined && consumers !== undefined) {
    values['catalog.apiProviders'] = isApi ? providers : 0;
    values['catalog.apiConsumers'] = isApi ? consumers : 0;
  }

  const time = observedAt.toISOString();
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      { value, source: CATALOG_SOURCE, observedAt: time },
    ]),
  );
}
