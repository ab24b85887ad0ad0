/** Rows per statement: well under every database's limit on parameters. */
export const ROWS_PER_STATEMENT = 500;

export function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}
