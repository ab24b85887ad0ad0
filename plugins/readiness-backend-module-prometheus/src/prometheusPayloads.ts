/**
 * What the Prometheus HTTP API answers, checked: the response envelope,
 * instant-query samples and rule pages. A payload that is not what
 * Prometheus documents is an error naming `what` was asked and the part
 * that is wrong.
 */

import { isRecord } from '@readiness/plugin-readiness-common';

/** One sample of an instant query; `NaN` and `±Infinity` are kept. @internal */
export interface PrometheusSample {
  labels: Record<string, string>;
  value: number;
}

/** An alerting or recording rule, as `/api/v1/rules` lists it. @internal */
export interface PrometheusRule {
  name: string;
  type: 'alerting' | 'recording';
  query: string;
  labels: Record<string, string>;
}

function isStringMap(value: unknown): value is Record<string, string> {
  return (
    isRecord(value) && Object.values(value).every(v => typeof v === 'string')
  );
}

/** Prometheus writes sample values as strings, with `NaN`, `+Inf`, `-Inf`. */
function parseSampleValue(value: unknown): number | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  switch (value) {
    case '+Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    case 'NaN':
      return NaN;
    default: {
      const number = value.trim() === '' ? NaN : Number(value);
      return Number.isNaN(number) ? undefined : number;
    }
  }
}

function parseSample(
  labels: unknown,
  pair: unknown,
  where: string,
): PrometheusSample {
  const value = Array.isArray(pair) ? parseSampleValue(pair[1]) : undefined;
  if (!Array.isArray(pair) || pair.length !== 2 || value === undefined) {
    throw new Error(
      `${where} is not a [timestamp, "value"] pair: ${JSON.stringify(pair)}`,
    );
  }
  if (!isStringMap(labels)) {
    throw new Error(`${where} has labels that are not strings`);
  }
  return { labels, value };
}

/** The samples of an instant query's `data`: a vector or a scalar. @internal */
export function parseQueryData(
  data: unknown,
  what: string,
): PrometheusSample[] {
  const malformed = (problem: string) =>
    new Error(`${what} answered with a malformed payload: ${problem}`);
  if (!isRecord(data)) {
    throw malformed('"data" is not an object');
  }
  switch (data.resultType) {
    case 'vector':
      if (!Array.isArray(data.result)) {
        throw malformed('"data.result" is not a list');
      }
      return data.result.map((item: unknown, i) => {
        if (!isRecord(item)) {
          throw malformed(`data.result[${i}] is not an object`);
        }
        try {
          return parseSample(
            item.metric ?? {},
            item.value,
            `data.result[${i}].value`,
          );
        } catch (error) {
          throw malformed((error as Error).message);
        }
      });
    case 'scalar':
      try {
        return [parseSample({}, data.result, 'data.result')];
      } catch (error) {
        throw malformed((error as Error).message);
      }
    default:
      throw new Error(
        `${what} answered with a result of type ${JSON.stringify(
          data.resultType,
        )}; the query must give an instant vector or a scalar`,
      );
  }
}

/** The rules of one page of `/api/v1/rules`, and the next page's token. @internal */
export function parseRulesData(
  data: unknown,
  what: string,
): { rules: PrometheusRule[]; nextToken?: string } {
  const malformed = (problem: string) =>
    new Error(`${what} answered with a malformed payload: ${problem}`);
  if (!isRecord(data) || !Array.isArray(data.groups)) {
    throw malformed('"data.groups" is not a list');
  }
  const rules: PrometheusRule[] = [];
  data.groups.forEach((group: unknown, g) => {
    if (!isRecord(group) || !Array.isArray(group.rules)) {
      throw malformed(`data.groups[${g}].rules is not a list`);
    }
    group.rules.forEach((rule: unknown, r) => {
      const where = `data.groups[${g}].rules[${r}]`;
      if (!isRecord(rule)) {
        throw malformed(`${where} is not an object`);
      }
      const { name, type, query, labels } = rule;
      if (typeof name !== 'string' || typeof query !== 'string') {
        throw malformed(`${where} has no string "name" and "query"`);
      }
      if (type !== 'alerting' && type !== 'recording') {
        throw malformed(`${where}.type is ${JSON.stringify(type)}`);
      }
      if (labels !== undefined && labels !== null && !isStringMap(labels)) {
        throw malformed(`${where}.labels are not strings`);
      }
      rules.push({ name, type, query, labels: labels ?? {} });
    });
  });
  const token = data.groupNextToken;
  if (token !== undefined && token !== null && typeof token !== 'string') {
    throw malformed('"data.groupNextToken" is not a string');
  }
  return { rules, nextToken: token || undefined };
}

/** `errorType: error` from a Prometheus error body, if it is one. @internal */
export function errorOfBody(body: string): string | undefined {
  try {
    const json = JSON.parse(body);
    if (isRecord(json) && json.status === 'error') {
      return `${json.errorType ?? 'error'}: ${json.error ?? 'no message'}`;
    }
  } catch {
    // Not JSON: a proxy's page, say; its text is not worth repeating.
  }
  return undefined;
}

/** The `data` of a Prometheus response envelope, or why there is none. @internal */
export function parseEnvelope(
  body: string,
  what: string,
  contentType: string | null,
): unknown {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new Error(
      `${what} answered with a body that is not JSON${
        contentType ? ` (${contentType})` : ''
      }`,
    );
  }
  if (!isRecord(json) || typeof json.status !== 'string') {
    throw new Error(`${what} answered with a malformed payload: no "status"`);
  }
  if (json.status === 'error') {
    throw new Error(`${what} failed: ${errorOfBody(body)}`);
  }
  if (json.status !== 'success') {
    throw new Error(
      `${what} answered with a malformed payload: status ${JSON.stringify(
        json.status,
      )}`,
    );
  }
  if (!('data' in json)) {
    throw new Error(`${what} answered with a malformed payload: no "data"`);
  }
  return json.data;
}
