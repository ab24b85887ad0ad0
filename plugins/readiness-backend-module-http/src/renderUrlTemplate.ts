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

/** A URL from its template; values are URL-encoded, so they cannot change the host. */
export function renderUrlTemplate(template: Template, entity: Entity): string {
  return renderTemplate(template, entity, encodeURIComponent);
}

/** A JSON body from its template; values are escaped for a JSON string. */
export function renderJsonTemplate(template: Template, entity: Entity): string {
  return renderTemplate(template, entity, value =>
    JSON.stringify(value).slice(1, -1),
  );
}
