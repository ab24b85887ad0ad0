import {
  assertSameOrigin,
  encodePathSegment,
} from '@readiness/plugin-readiness-node';
import type { Entity } from './types';

/** A `{{ … }}` placeholder: the text written and the path it names. */
interface Field {
  expression: string;
  path: string[];
}

/** A template split into literal text and entity fields. */
export interface Template {
  parts: Array<string | Field>;
}

const PLACEHOLDER = /\{\{(.*?)\}\}/g;
const SEGMENT =
  /^(?:\.?([A-Za-z_$][\w$]*)|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*"((?:[^"\\]|\\.)*)"\s*\])/;

function parseField(expression: string): Field {
  const path: string[] = [];
  let rest = expression;
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    if (!match || (path.length === 0 && rest.startsWith('.'))) {
      throw new Error(
        `"{{ ${expression} }}" is not an entity field such as {{ metadata.name }} or {{ metadata.annotations['example.com/key'] }}`,
      );
    }
    path.push((match[1] ?? match[2] ?? match[3]).replace(/\\(.)/g, '$1'));
    rest = rest.slice(match[0].length);
  }
  if (path.length === 0) {
    throw new Error('"{{ }}" names no entity field');
  }
  return { expression, path };
}

/**
 * Parses `{{ metadata.name }}`, `{{ spec.owner }}` and
 * `{{ metadata.annotations['sonarqube.org/project-key'] }}` placeholders;
 * a malformed one throws, saying what is wrong.
 */
export function parseTemplate(template: string): Template {
  const parts: Template['parts'] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(last, match.index));
    parts.push(parseField(match[1].trim()));
    last = match.index! + match[0].length;
  }
  const tail = template.slice(last);
  if (/\{\{|\}\}/.test(tail) || parts.some(p => /\{\{|\}\}/.test(String(p)))) {
    throw new Error(`unbalanced "{{" or "}}" in "${template}"`);
  }
  parts.push(tail);
  return { parts: parts.filter(part => part !== '') };
}

function lookUp(entity: Entity, field: Field): string {
  let value: unknown = entity;
  for (const key of field.path) {
    value =
      typeof value === 'object' && value !== null && Object.hasOwn(value, key)
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value !== 'string' || value === '') {
    throw new Error(
      `the entity has no value at ${field.expression} to fill the template`,
    );
  }
  return value;
}

/**
 * Fills a template from the entity's fields, each value passed through
 * `encode`; a field the entity lacks throws, naming it.
 */
export function renderTemplate(
  template: Template,
  entity: Entity,
  encode: (value: string) => string,
): string {
  return template.parts
    .map(part =>
      typeof part === 'string' ? part : encode(lookUp(entity, part)),
    )
    .join('');
}

/** Where a placeholder of a URL template is: the only places allowed. */
type UrlPosition = 'path' | 'query';

/** A URL template: each field knows its position; `origin` is fixed. */
export interface UrlTemplate {
  parts: Array<string | (Field & { position: UrlPosition })>;
  /** The scheme, host and port, which no entity value can change. */
  origin: string;
}

/** The parts of a URL, as a template is read from left to right. */
type UrlPart = 'authority' | UrlPosition | 'query-name' | 'fragment';

/** The part of a URL that `literal` ends in, read after `state`. */
function advance(state: UrlPart, before: string, literal: string): UrlPart {
  let next = state;
  let text = before;
  for (const char of literal) {
    text += char;
    if (next === 'authority') {
      // The authority ends at the first /, ? or # after "scheme://".
      const start = text.indexOf('://');
      if (start !== -1 && text.length > start + 3 && '/?#'.includes(char)) {
        next = ({ '/': 'path', '?': 'query-name', '#': 'fragment' } as const)[
          char as '/' | '?' | '#'
        ];
      }
    } else if (char === '#') {
      next = 'fragment';
    } else if (next === 'path' && char === '?') {
      next = 'query-name';
    } else if (next === 'query-name' && char === '=') {
      next = 'query';
    } else if (next === 'query' && char === '&') {
      next = 'query-name';
    }
  }
  return next;
}

const POSITION_NAMES = {
  authority: 'the scheme, user, host or port',
  'query-name': 'a query parameter name',
  fragment: 'the fragment',
};

/**
 * Parses a URL template whose placeholders are each in a path segment
 * (`https://x/api/{{ metadata.name }}/y`) or a query value
 * (`https://x/api?key={{ metadata.name }}`); one anywhere else (the scheme,
 * user, host, port, a query name or the fragment) throws, naming it, so
 * that an entity can never choose where the request goes.
 */
export function parseUrlTemplate(text: string): UrlTemplate {
  const template = parseTemplate(text);
  const sample = template.parts
    .map(part => (typeof part === 'string' ? part : 'x'))
    .join('');
  let url: URL | undefined;
  try {
    url = new URL(sample);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new Error('must be an absolute http or https URL');
  }
  let state: UrlPart = 'authority';
  let before = '';
  const parts: UrlTemplate['parts'] = [];
  for (const part of template.parts) {
    if (typeof part === 'string') {
      state = advance(state, before, part);
      before += part;
      parts.push(part);
      continue;
    }
    if (state !== 'path' && state !== 'query') {
      throw new Error(
        `has {{ ${part.expression} }} in ${POSITION_NAMES[state]}; placeholders are allowed only in path segments and query values`,
      );
    }
    before += 'x';
    parts.push({ ...part, position: state });
  }
  return { parts, origin: url.origin };
}

/**
 * A URL from its template. Each value is percent-encoded for its position;
 * a value for a path segment that is `.` or `..` or holds `/` is refused,
 * so values can neither change the host nor climb the path; and the result
 * must still be on the template's origin.
 */
export function renderUrlTemplate(
  template: UrlTemplate,
  entity: Entity,
): string {
  const url = template.parts
    .map(part => {
      if (typeof part === 'string') {
        return part;
      }
      const value = lookUp(entity, part);
      return part.position === 'path'
        ? encodePathSegment(value, `the value at ${part.expression}`)
        : encodeURIComponent(value);
    })
    .join('');
  assertSameOrigin(url, template.origin);
  return url;
}

/** A JSON body from its template; values are escaped for a JSON string. */
export function renderJsonTemplate(template: Template, entity: Entity): string {
  return renderTemplate(template, entity, value =>
    JSON.stringify(value).slice(1, -1),
  );
}
