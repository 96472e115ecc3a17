import type { Cell, Column } from '@console/shared-types';
import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type Table,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { columnKind, defaultColumnWidth, MIN_COLUMN_WIDTH, TEXT_SAMPLE_ROWS, type ColumnKind } from './column-kind.js';
import { sortRowOrder, type ColumnSort } from './row-order.js';

const MAX_COLUMN_WIDTH = 2000;

export interface ResultTable {
  /** TanStack table over row indexes: column sizes, sorting state, headers. */
  table: Table<number>;
  /** Row indexes into `rows` in display order. */
  order: number[];
  kinds: ColumnKind[];
}

/** Returns the first few values of a column, which set a text column's starting width. */
function firstValuesOf(rows: readonly (readonly Cell[])[], index: number): Cell[] {
  return rows.slice(0, TEXT_SAMPLE_ROWS).map((row) => row[index] ?? null);
}

/**
 * Sets up the table for one result. The table's rows are indexes into the
 * result, sorted here with compareCells, so NULLs stay last in both directions
 * (TanStack's own sort would only negate the comparison).
 */
export function useResultTable(columns: readonly Column[], rows: readonly (readonly Cell[])[]): ResultTable {
  const [sorting, setSorting] = useState<SortingState>([]);

  const columnDefs = useMemo<ColumnDef<number>[]>(
    () =>
      columns.map((column, index) => ({
        id: String(index),
        header: column.name,
        size: defaultColumnWidth(column, firstValuesOf(rows, index)),
        minSize: MIN_COLUMN_WIDTH,
        maxSize: MAX_COLUMN_WIDTH,
        accessorFn: (rowIndex: number) => rows[rowIndex]?.[index] ?? null,
      })),
    [columns, rows],
  );
  const kinds = useMemo(() => columns.map((column) => columnKind(column.type)), [columns]);

  const sort = useMemo<ColumnSort | null>(() => {
    const first = sorting[0];
    return first === undefined ? null : { col: Number(first.id), direction: first.desc ? 'desc' : 'asc' };
  }, [sorting]);
  const order = useMemo(() => sortRowOrder(rows, columns, sort), [rows, columns, sort]);

  const table = useReactTable({
    data: order,
    columns: columnDefs,
    state: { sorting },
    onSortingChange: setSorting,
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
    columnResizeMode: 'onChange',
    enableColumnResizing: true,
    getCoreRowModel: getCoreRowModel(),
  });

  return { table, order, kinds };
}
