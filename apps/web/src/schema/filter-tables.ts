import type { SchemaTable } from '@console/shared-types';

export interface TableMatch {
  table: SchemaTable;
  /** Columns to list: all of them when the table name matched, otherwise those whose name matched. */
  columns: SchemaTable['columns'];
  /** True when the filter matched only columns, so the table opens to show them. */
  matchedColumns: boolean;
}

/** Filters tables by a case-insensitive part of a table, schema or column name; an empty filter keeps all. */
export function filterTables(tables: readonly SchemaTable[], filter: string): TableMatch[] {
  const needle = filter.trim().toLowerCase();
  const matches: TableMatch[] = [];
  for (const table of tables) {
    if (needle === '' || table.name.toLowerCase().includes(needle) || `${table.schema}.${table.name}`.toLowerCase().includes(needle)) {
      matches.push({ table, columns: table.columns, matchedColumns: false });
      continue;
    }
    const columns = table.columns.filter((column) => column.name.toLowerCase().includes(needle));
    if (columns.length > 0) matches.push({ table, columns, matchedColumns: true });
  }
  return matches;
}
