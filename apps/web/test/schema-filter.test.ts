import type { SchemaTable } from '@console/shared-types';
import { describe, expect, it } from 'vitest';
import { filterTables } from '../src/schema/filter-tables.js';

const tables: SchemaTable[] = [
  { schema: 'main', name: 'conversation', columns: [{ name: 'id', type: 'BIGINT' }, { name: 'started_at', type: 'TIMESTAMP' }] },
  { schema: 'main', name: 'message', columns: [{ name: 'id', type: 'BIGINT' }, { name: 'conversation_id', type: 'BIGINT' }, { name: 'body', type: 'STRING' }] },
  { schema: 'sales', name: 'Orders', columns: [{ name: 'Amount', type: 'DECIMAL(38,9)' }] },
];

describe('schema filter', () => {
  it('empty filter keeps every table and column', () => {
    const matches = filterTables(tables, '  ');
    expect(matches.map((match) => match.table.name)).toEqual(['conversation', 'message', 'Orders']);
    expect(matches.every((match) => !match.matchedColumns && match.columns === match.table.columns)).toBe(true);
  });

  it('table name match lists all its columns', () => {
    const matches = filterTables(tables, 'ORDERS');
    expect(matches).toHaveLength(1);
    expect(matches[0]?.columns).toEqual([{ name: 'Amount', type: 'DECIMAL(38,9)' }]);
    expect(matches[0]?.matchedColumns).toBe(false);
  });

  it('column match lists only matching columns', () => {
    const matches = filterTables(tables, 'body');
    expect(matches).toHaveLength(1);
    expect(matches[0]?.table.name).toBe('message');
    expect(matches[0]?.columns.map((column) => column.name)).toEqual(['body']);
    expect(matches[0]?.matchedColumns).toBe(true);
  });

  it('a name matching a table and other tables columns shows both', () => {
    const matches = filterTables(tables, 'conversation');
    expect(matches.map((match) => [match.table.name, match.matchedColumns])).toEqual([
      ['conversation', false],
      ['message', true],
    ]);
  });

  it('schema-qualified name matches', () => {
    expect(filterTables(tables, 'sales.ord').map((match) => match.table.name)).toEqual(['Orders']);
  });

  it('no match gives nothing', () => {
    expect(filterTables(tables, 'nothing_like_this')).toEqual([]);
  });
});
