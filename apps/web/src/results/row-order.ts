import type { Cell, Column } from '@console/shared-types';
import { compareCells, type SortDirection } from './compare-cells.js';

export interface ColumnSort {
  col: number;
  direction: SortDirection;
}

/**
 * Returns the row indexes in display order. compareCells applies the direction
 * itself, so NULLs stay last both ways. Ties keep the order the SQL API sent,
 * so a sort is stable.
 */
export function sortRowOrder(rows: readonly (readonly Cell[])[], columns: readonly Column[], sort: ColumnSort | null): number[] {
  const order = Array.from({ length: rows.length }, (_, index) => index);
  if (sort === null) return order;
  const column = columns[sort.col];
  if (column === undefined) return order;

  return order.sort((a, b) => {
    const byValue = compareCells(rows[a]?.[sort.col] ?? null, rows[b]?.[sort.col] ?? null, column.type, sort.direction);
    return byValue !== 0 ? byValue : a - b;
  });
}
