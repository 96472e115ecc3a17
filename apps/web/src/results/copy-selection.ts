import type { Cell } from '@console/shared-types';
import type { SelectionBounds } from './selection.js';

/** Returns the cells inside `bounds`, rows in display order, as a block of rows. */
export function selectedBlock(
  rows: readonly (readonly Cell[])[],
  order: readonly number[],
  bounds: SelectionBounds,
): Cell[][] {
  const block: Cell[][] = [];
  for (let displayRow = bounds.top; displayRow <= bounds.bottom; displayRow++) {
    const row = rows[order[displayRow] ?? -1];
    if (row === undefined) continue;
    const cells: Cell[] = [];
    for (let col = bounds.left; col <= bounds.right; col++) cells.push(row[col] ?? null);
    block.push(cells);
  }
  return block;
}
