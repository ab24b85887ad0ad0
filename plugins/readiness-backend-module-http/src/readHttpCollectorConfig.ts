import type { Config } from '@backstage/config';
import {
  appliesToEntity,
  EntityPredicate,
  FactType,
} from '@readiness/plugin-readiness-common';
import {
  readBoundedInteger,
  readDurationMs,
  readHttpClientSettings,
} from '@readiness/plugin-readiness-node';
import { parseTemplate, parseUrlTemplate, Template } from './renderUrlTemplate';
import { checkJsonPath } from './selectFact';
import type {
  Entity,
  HttpCollectorSpec,
  HttpFactSpec,
  HttpPagination,
  RateLimit,
} from './types';

const ROOT = 'readiness.http.collectors';
const RESERVED_IDS = ['catalog', 'repository'];
const DEFAULT_RETRIES = 2;
const FACT_TYPES: FactType[] = [
  'string',
  'number',
  'boolean',
  'string-list',
  'string-map',
];
const COLLECTOR_KEYS = [
  'id',
  'appliesTo',
  'url',
  'method',
  'body',
  'headers',
  'timeout',
  'retries',
  'rateLimit',
  'concurrency',
  'maxResponseBytes',
  'pagination',
  'facts',
];
const SAMPLE_ENTITY: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'sample' },
};

/** A config problem, naming the exact key. */
function invalid(key: string, problem: string): Error {
  return new Error(`${key} ${problem}`);
}

function readJsonPath(config: Config, key: string, name: string): string {
  const path = config.getString(name);
  const problem = checkJsonPath(path);
  if (problem) {
    throw invalid(`${key}.${name}`, problem);
  }
  return path;
}

function readTemplate(config: Config, key: string, name: string): Template {
  try {
    return parseTemplate(config.getString(name));
  } catch (error) {
    throw invalid(
      `${key}.${name}`,
      `is not valid: ${(error as Error).message}`,
    );
  }
}

/** The URL template; placeholders only in path segments and query values. */
function readUrl(config: Config, key: string, id: string): string {
  readTemplate(config, key, 'url');
  const url = config.getString('url');
  try {
    parseUrlTemplate(url);
  } catch (error) {
    throw invalid(
      `${key}.url`,
      `of collector ${id} ${(error as Error).message}`,
    );
  }
  return url;
}

function readAppliesTo(
  config: Config,
  key: string,
): EntityPredicate | undefined {
  const predicate = config.getOptional('appliesTo');
  if (predicate === undefined) {
    return undefined;
  }
  try {
    if (typeof predicate !== 'object' || predicate === null) {
      throw new Error('it must be an object');
    }
    appliesToEntity(predicate as EntityPredicate, SAMPLE_ENTITY);
  } catch (error) {
    throw invalid(
      `${key}.appliesTo`,
      `is not an entity predicate such as { kind: component, 'metadata.annotations.sonarqube.org/project-key': { $exists: true } }: ${
        (error as Error).message
      }`,
    );
  }
  return predicate as EntityPredicate;
}

function readHeaders(config: Config, key: string): Record<string, string> {
  const headers = config.getOptionalConfig('headers');
  const result: Record<string, string> = {};
  for (const name of headers?.keys() ?? []) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw invalid(`${key}.headers`, `has an invalid header name "${name}"`);
    }
    // Only the key is ever named: header values are secrets.
    result[name] = headers!.getString(name);
  }
  return result;
}

function readRateLimit(config: Config, key: string): RateLimit | undefined {
  const rateLimit = config.getOptionalConfig('rateLimit');
  if (!rateLimit) {
    return undefined;
  }
  const at = `${key}.rateLimit`;
  return {
    requests: readBoundedInteger(rateLimit, 'requests', {
      min: 1,
      max: 1e6,
      prefix: at,
    }),
    perMs: readDurationMs(rateLimit, 'per', { prefix: at }),
    burst: readBoundedInteger(rateLimit, 'burst', {
      min: 1,
      max: 1e6,
      default: 1,
      prefix: at,
    }),
  };
}

function readPagination(
  config: Config,
  key: string,
): HttpPagination | undefined {
  const pagination = config.getOptionalConfig('pagination');
  if (!pagination) {
    return undefined;
  }
  const at = `${key}.pagination`;
  const maxPages = readBoundedInteger(pagination, 'maxPages', {
    min: 1,
    max: 1000,
    default: 10,
    prefix: at,
  });
  const hasNext = pagination.has('nextUrlPath');
  if (hasNext === pagination.has('pageParam')) {
    throw invalid(at, 'must have either nextUrlPath or pageParam');
  }
  if (hasNext) {
    return {
      kind: 'next-url',
      nextUrlPath: readJsonPath(pagination, at, 'nextUrlPath'),
      maxPages,
    };
  }
  const pageSize = pagination.has('pageSize')
    ? readBoundedInteger(pagination, 'pageSize', {
        min: 1,
        max: 1e6,
        prefix: at,
      })
    : undefined;
  const totalPath = pagination.has('totalPath')
    ? readJsonPath(pagination, at, 'totalPath')
    : undefined;
  if (totalPath && pageSize === undefined) {
    throw invalid(`${at}.pageSize`, 'is required with totalPath');
  }
  return {
    kind: 'page-number',
    pageParam: pagination.getString('pageParam'),
    firstPage: readBoundedInteger(pagination, 'firstPage', {
      min: 0,
      max: 1e6,
      default: 1,
      prefix: at,
    }),
    pageSizeParam: pagination.getOptionalString('pageSizeParam'),
    pageSize,
    totalPath,
    maxPages,
  };
}

function readFact(config: Config, key: string, id: string): HttpFactSpec {
  const name = config.getString('name');
  if (!name.startsWith(`${id}.`)) {
    throw invalid(`${key}.name`, `must start with "${id}."`);
  }
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(name.slice(id.length + 1))) {
    throw invalid(
      `${key}.name`,
      `must be "${id}." and a name of letters, digits, _ and -, such as "${id}.coverage"`,
    );
  }
  const type = config.getString('type') as FactType;
  if (!FACT_TYPES.includes(type)) {
    throw invalid(`${key}.type`, `must be one of ${FACT_TYPES.join(', ')}`);
  }
  const equals = config.getOptional('equals');
  if (equals !== undefined) {
    if (type !== 'boolean') {
      throw invalid(`${key}.equals`, 'is only for facts of type boolean');
    }
    if (!['string', 'number', 'boolean'].includes(typeof equals)) {
      throw invalid(`${key}.equals`, 'must be a string, number or boolean');
    }
  }
  return {
    name,
    type,
    description: config.getString('description'),
    path: readJsonPath(config, key, 'path'),
    ...(equals !== undefined && { equals: equals as string }),
  };
}

function readCollector(config: Config, key: string): HttpCollectorSpec {
  for (const name of config.keys()) {
    if (!COLLECTOR_KEYS.includes(name)) {
      throw invalid(
        `${key}.${name}`,
        `is not a setting of an HTTP collector (${COLLECTOR_KEYS.join(', ')})`,
      );
    }
  }
  const id = config.getString('id');
  if (!/^[a-z][a-z0-9-]*$/.test(id) || RESERVED_IDS.includes(id)) {
    throw invalid(
      `${key}.id`,
      `"${id}" must be lowercase letters, digits and dashes, and not ${RESERVED_IDS.join(
        ' or ',
      )}`,
    );
  }
  const method = (config.getOptionalString('method') ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'POST') {
    throw invalid(`${key}.method`, 'must be GET or POST');
  }
  if (config.has('body')) {
    if (method !== 'POST') {
      throw invalid(`${key}.body`, 'needs method POST');
    }
    readTemplate(config, key, 'body');
  }
  const facts = config.getConfigArray('facts');
  if (facts.length === 0) {
    throw invalid(`${key}.facts`, 'must declare at least one fact');
  }
  const specs = facts.map((fact, i) =>
    readFact(fact, `${key}.facts[${i}]`, id),
  );
  specs.forEach((fact, i) => {
    if (specs.findIndex(other => other.name === fact.name) !== i) {
      throw invalid(
        `${key}.facts[${i}].name`,
        `"${fact.name}" is declared twice`,
      );
    }
  });
  return {
    id,
    appliesTo: readAppliesTo(config, key),
    url: readUrl(config, key, id),
    method,
    body: config.getOptionalString('body'),
    headers: readHeaders(config, key),
    ...readHttpClientSettings(config, {
      prefix: key,
      defaults: { retries: DEFAULT_RETRIES },
    }),
    rateLimit: readRateLimit(config, key),
    pagination: readPagination(config, key),
    facts: specs,
  };
}

/**
 * Reads and checks `readiness.http.collectors`; a mistake throws at start-up
 * with the exact key, e.g.
 * `readiness.http.collectors[0].facts[1].name must start with "sonarqube."`.
 * Header values are secrets and never appear in a message.
 */
export function readHttpCollectorConfig(config: Config): HttpCollectorSpec[] {
  const entries = config.getOptionalConfigArray(ROOT) ?? [];
  const specs = entries.map((entry, i) =>
    readCollector(entry, `${ROOT}[${i}]`),
  );
  specs.forEach((spec, i) => {
    if (specs.findIndex(other => other.id === spec.id) !== i) {
      throw invalid(`${ROOT}[${i}].id`, `"${spec.id}" is used twice`);
    }
  });
  return specs;
}
