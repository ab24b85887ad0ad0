import { Entity, makeValidator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DRAFT_PATH_LIMITS,
  isRecord,
} from '@readiness/plugin-readiness-common';

/** The bounds of a draft entity, as of a scorecard document. */
export interface DraftEntityLimits {
  /** Bytes of the entity's JSON (`readiness.limits.scorecards.maxBytes`). */
  maxBytes: number;
  /** Nesting of its objects and arrays (`…scorecards.maxDepth`). */
  maxDepth: number;
}

/** What `POST /entities/evaluate` evaluates, checked. */
export interface DraftRequest {
  entity: Entity;
  repositoryPaths?: string[];
}

const validators = makeValidator();

/** A value for a message: JSON, cut short, so that a huge value stays out. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function requireValid(
  field: string,
  value: unknown,
  isValid: (value: unknown) => boolean,
  what: string,
): void {
  if (!isValid(value)) {
    throw new InputError(
      value === undefined
        ? `${field} is required`
        : `${field} must be ${what}, got ${shown(value)}`,
    );
  }
}

/** Characters of a field's path in a message; deep paths are long. */
const MAX_PATH_CHARS = 120;

/** The path of a value in a message, `entity.spec.a[0]["b c"]`, cut short. */
function fieldPath(keys: ReadonlyArray<string | number>): string {
  let path = 'entity';
  for (const key of keys) {
    if (path.length > MAX_PATH_CHARS) {
      break;
    }
    if (typeof key === 'number') {
      path += `[${key}]`;
    } else {
      path += /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${shown(key)}]`;
    }
  }
  return path.length > MAX_PATH_CHARS
    ? `${path.slice(0, MAX_PATH_CHARS)}…`
    : path;
}

/**
 * Throws an InputError naming the first value nested deeper than
 * `maxDepth`, before anything walks the whole entity with the call stack
 * (`JSON.stringify` of a deep enough one throws a RangeError). The walk
 * stops there, so it never goes deeper itself.
 */
function requireShallow(value: unknown, maxDepth: number): void {
  const keys: Array<string | number> = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) {
      return;
    }
    if (keys.length >= maxDepth) {
      throw new InputError(
        `${fieldPath(
          keys,
        )} nests deeper than ${maxDepth} levels (readiness.limits.scorecards.maxDepth)`,
      );
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(node)
      ? node.map((item, index) => [index, item])
      : Object.entries(node);
    for (const [key, child] of entries) {
      keys.push(key);
      walk(child);
      keys.pop();
    }
  };
  walk(value);
}

/**
 * The draft entity, if the catalog would accept its envelope: a valid
 * `apiVersion`, `kind`, `metadata.name` and, if given, `metadata.namespace`.
 * Relations and status are the catalog's to compute; a draft's own are
 * dropped, so they cannot count as the catalog's word.
 */
function draftEntity(value: unknown, limits: DraftEntityLimits): Entity {
  if (!isRecord(value)) {
    throw new InputError('entity must be an object');
  }
  requireShallow(value, limits.maxDepth);
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > limits.maxBytes) {
    throw new InputError(
      `entity is ${bytes} bytes of JSON; at most ${limits.maxBytes} (readiness.limits.scorecards.maxBytes)`,
    );
  }
  requireValid(
    'entity.apiVersion',
    value.apiVersion,
    validators.isValidApiVersion,
    'an API version such as "backstage.io/v1alpha1"',
  );
  requireValid(
    'entity.kind',
    value.kind,
    validators.isValidKind,
    'an entity kind such as "Component"',
  );
  if (!isRecord(value.metadata)) {
    throw new InputError('entity.metadata must be an object');
  }
  requireValid(
    'entity.metadata.name',
    value.metadata.name,
    validators.isValidEntityName,
    'a valid entity name (letters, digits, "-", "_" and "." between letters or digits, at most 63 characters)',
  );
  if (value.metadata.namespace !== undefined) {
    requireValid(
      'entity.metadata.namespace',
      value.metadata.namespace,
      validators.isValidNamespace,
      'a valid namespace (lowercase letters, digits and "-", at most 63 characters)',
    );
  }
  const { relations: _relations, status: _status, ...entity } = value;
  return entity as unknown as Entity;
}

/** Whether the path is relative and stays inside the repository. */
function isRelativeInside(path: string): boolean {
  return (
    path !== '' &&
    !path.startsWith('/') &&
    !/^[A-Za-z]:/.test(path) &&
    !path.includes('\\') &&
    !path.includes('\0') &&
    !path.split('/').includes('..')
  );
}

function repositoryPaths(value: unknown): string[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    throw new InputError('repositoryPaths must be an array of paths');
  }
  const { maxPaths, maxPathLength } = DRAFT_PATH_LIMITS;
  if (value.length > maxPaths) {
    throw new InputError(
      `repositoryPaths has ${value.length} paths; at most ${maxPaths}`,
    );
  }
  value.forEach((path: unknown, index) => {
    const field = `repositoryPaths[${index}]`;
    if (typeof path !== 'string') {
      throw new InputError(`${field} must be a string`);
    }
    if (path.length > maxPathLength) {
      throw new InputError(
        `${field} has ${path.length} characters; at most ${maxPathLength}`,
      );
    }
    if (!isRelativeInside(path)) {
      throw new InputError(
        `${field} must be a relative, "/"-separated path without ".." segments, got ${shown(
          path,
        )}`,
      );
    }
  });
  return value as string[];
}

/**
 * The request's draft entity and repository paths, checked; an `InputError`
 * naming the field otherwise. The contract bounds the body already; this
 * holds without it too (the entity within `limits`, the paths within
 * `DRAFT_PATH_LIMITS`).
 */
export function parseDraftRequest(
  body: { entity?: unknown; repositoryPaths?: unknown },
  limits: DraftEntityLimits,
): DraftRequest {
  const paths = repositoryPaths(body.repositoryPaths);
  return {
    entity: draftEntity(body.entity, limits),
    ...(paths && { repositoryPaths: paths }),
  };
}
