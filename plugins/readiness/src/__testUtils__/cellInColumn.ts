import { within } from '@testing-library/react';

/** The cell of a table row in the column whose header matches `column`. */
export function cellInColumn(
  header: HTMLElement,
  row: HTMLElement,
  column: RegExp,
): HTMLElement {
  const index = within(header)
    .getAllByRole('columnheader')
    .findIndex(cell => column.test(cell.textContent ?? ''));
  if (index < 0) {
    throw new Error(`No column ${column}`);
  }
  return row.children[index] as HTMLElement;
}
