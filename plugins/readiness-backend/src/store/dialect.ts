import { Knex } from 'knex';

/** Whether the database locks rows; SQLite serialises transactions. */
export function locksRows(db: Knex): boolean {
  return !String(db.client.config.client).includes('sqlite');
}

/** SQLite returns dates as numbers or strings, the others as dates. */
export function isoTime(value: Date | string | number): string {
  return new Date(value).toISOString();
}
