/**
 * Comma-separated values (RFC 4180) built in the browser, safe to open in a
 * spreadsheet.
 */

/** A cell's value; `null` and `undefined` are written as an empty cell. */
export type CsvValue = string | number | null | undefined;

/** One column of a CSV file: its header and how a row gives its cell. */
export interface CsvColumn<T> {
  title: string;
  value: (row: T) => CsvValue;
}

/**
 * Spreadsheets run a cell that starts with one of these as a formula
 * ("CSV injection"); a leading apostrophe makes it text again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Cells with one of these must be quoted (RFC 4180, section 2). */
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, neutralised against formulas and quoted when it has to be. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  // A number is data, never a formula, even when negative.
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: a header line, then one line per row, CRLF-separated. */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const lines = [
    columns.map(column => csvCell(column.title)),
    ...rows.map(row => columns.map(column => csvCell(column.value(row)))),
  ];
  return `${lines.map(cells => cells.join(',')).join('\r\n')}\r\n`;
}
