import { isCalendarDay, isRecord } from '@readiness/plugin-readiness-common';
import { InputError } from '../errors';

const TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 39)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  return typeof value === 'object'
    ? 'an object'
    : `the ${typeof value} ${value}`;
}

/**
 * One item of an exported list (`items[3]` of `exemptions.json`): reads its
 * fields, and names the file, the item and the field of whatever is wrong.
 */
export class ItemReader {
  private readonly item: Record<string, unknown>;

  constructor(
    private readonly file: string,
    private readonly path: string,
    value: unknown,
  ) {
    if (!isRecord(value)) {
      throw this.error('', `must be an object, got ${describe(value)}`);
    }
    this.item = value;
  }

  error(field: string, message: string): InputError {
    const where = field ? `${this.path}.${field}` : this.path;
    return new InputError(`${this.file}: ${where}: ${message}`);
  }

  /** A non-empty string. */
  string(field: string): string {
    const value = this.item[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw this.error(
        field,
        `must be a non-empty string, got ${describe(value)}`,
      );
    }
    return value;
  }

  optionalString(field: string): string | undefined {
    return this.item[field] === undefined || this.item[field] === null
      ? undefined
      : this.string(field);
  }

  /** One of `choices`. */
  choice<T extends string>(field: string, choices: readonly T[]): T {
    const value = this.string(field);
    if (!choices.includes(value as T)) {
      throw this.error(
        field,
        `must be one of ${choices.join(', ')}, got ${describe(value)}`,
      );
    }
    return value as T;
  }

  /** A non-empty list of non-empty strings. */
  strings(field: string): string[] {
    const value = this.item[field];
    if (!Array.isArray(value) || value.length === 0) {
      throw this.error(
        field,
        `must be a non-empty list of strings, got ${describe(value)}`,
      );
    }
    value.forEach((entry, index) => {
      if (typeof entry !== 'string' || entry.trim() === '') {
        throw this.error(
          `${field}[${index}]`,
          `must be a non-empty string, got ${describe(entry)}`,
        );
      }
    });
    return value as string[];
  }

  /** A calendar day, `YYYY-MM-DD`. */
  day(field: string): string {
    const value = this.string(field);
    if (!isCalendarDay(value)) {
      throw this.error(
        field,
        `must be a date (YYYY-MM-DD), got ${describe(value)}`,
      );
    }
    return value;
  }

  /** An ISO 8601 time with its offset, as the API writes it. */
  time(field: string): string {
    const value = this.string(field);
    if (!TIME.test(value) || Number.isNaN(Date.parse(value))) {
      throw this.error(
        field,
        `must be an ISO 8601 time such as 2026-11-25T10:00:00Z, got ${describe(
          value,
        )}`,
      );
    }
    return value;
  }
}
