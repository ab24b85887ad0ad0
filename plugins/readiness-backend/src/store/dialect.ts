import { Knex } from 'knex';

/** Whether the database locks rows; SQLite serialises transactions. */
export function locksRows(db: Knex): boolean {
  return !String(db.client.config.client).includes('sqlite');
}

/** SQLite returns dates as numbers or strings, the others as dates. */
export function isoTime(value: Date | string | number): string {
  return new Date(value).toISOString();
}

/**
 * Whether the error is a violation of a unique index: PostgreSQL, MySQL,
 * and SQLite through either driver.
 */
export function isUniqueViolation(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: string };
  return (
    code === '23505' ||
    code === 'ER_DUP_ENTRY' ||
    (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'))
  );
}
