import type { Cell, Column } from '@console/shared-types';

/**
 * Display class of a column. A `timestamp` is an instant, shown in UTC or local
 * time. A `datetime` (DATE, TIMESTAMP_NTZ) is shown as received.
 */
export type ColumnKind = 'number' | 'boolean' | 'timestamp' | 'datetime' | 'nested' | 'binary' | 'text';

const NUMBER_TYPES = new Set([
  'TINYINT', 'SMALLINT', 'INT', 'INTEGER', 'BIGINT', 'LONG', 'SHORT', 'BYTE',
  'FLOAT', 'DOUBLE', 'REAL', 'DECIMAL', 'DEC', 'NUMERIC', 'NUMBER',
  'HUGEINT', 'UHUGEINT', 'UBIGINT', 'UINTEGER', 'USMALLINT', 'UTINYINT',
  'INT1', 'INT2', 'INT4', 'INT8', 'FLOAT4', 'FLOAT8',
]);
const INSTANT_TYPES = new Set(['TIMESTAMP', 'TIMESTAMP_LTZ', 'TIMESTAMPTZ', 'TIMESTAMP WITH TIME ZONE']);
const WALL_CLOCK_TYPES = new Set(['DATE', 'TIMESTAMP_NTZ', 'TIMESTAMP WITHOUT TIME ZONE', 'TIME', 'INTERVAL']);
const NESTED_PREFIXES = ['ARRAY', 'MAP', 'STRUCT', 'JSON', 'VARIANT', 'UNION', 'LIST'];

const kindByType = new Map<string, ColumnKind>();

/** Classifies a column by its engine type name, e.g. `DECIMAL(38,9)` is a number. */
export function columnKind(type: string): ColumnKind {
  let kind = kindByType.get(type);
  if (kind === undefined) {
    kind = classifyType(type);
    kindByType.set(type, kind);
  }
  return kind;
}

function classifyType(type: string): ColumnKind {
  const upper = type.trim().toUpperCase();
  if (upper.endsWith('[]')) return 'nested';
  const base = upper.replace(/[(<].*$/s, '').trim();

  if (NUMBER_TYPES.has(base)) return 'number';
  if (base === 'BOOLEAN' || base === 'BOOL') return 'boolean';
  if (INSTANT_TYPES.has(base)) return 'timestamp';
  if (WALL_CLOCK_TYPES.has(base)) return 'datetime';
  if (base === 'BINARY' || base === 'BLOB' || base === 'BYTEA') return 'binary';
  if (NESTED_PREFIXES.includes(base)) return 'nested';
  return 'text';
}

const KIND_WIDTHS: Record<Exclude<ColumnKind, 'number'>, number> = {
  boolean: 80,
  timestamp: 240,
  datetime: 200,
  nested: 240,
  binary: 160,
  text: 180,
};

const MIN_WIDTH = 64;
/** Width of one character of the grid's monospace font, in pixels, plus a cell's padding. */
const CELL_CHAR_WIDTH = 8;
const CELL_PADDING = 18;
/** Widest text of whole-number types: sign and digits. */
const INTEGER_CHARS: Record<string, number> = {
  TINYINT: 4, BYTE: 4, INT1: 4, UTINYINT: 3,
  SMALLINT: 6, SHORT: 6, INT2: 6, USMALLINT: 5,
  INT: 11, INTEGER: 11, INT4: 11, UINTEGER: 10,
  BIGINT: 20, LONG: 20, INT8: 20, UBIGINT: 20,
  HUGEINT: 40, UHUGEINT: 39,
};
const DEFAULT_DECIMAL_PRECISION = 18;

/** Returns how many characters a number type's values can take, from its name alone. */
function numberChars(type: string): number {
  const upper = type.trim().toUpperCase();
  const base = upper.replace(/[(<].*$/s, '').trim();
  const integer = INTEGER_CHARS[base];
  if (integer !== undefined) return integer;
  if (base === 'DECIMAL' || base === 'DEC' || base === 'NUMERIC' || base === 'NUMBER') {
    const precision = Number(/\((\d+)/.exec(upper)?.[1] ?? DEFAULT_DECIMAL_PRECISION);
    // Sign, digits and the decimal point.
    return precision + 2;
  }
  // Doubles print at most 17 significant digits, plus sign, point and exponent.
  return 24;
}
const MAX_DEFAULT_WIDTH = 360;
/** Approximate width of one header character at the grid's font size, in pixels. */
const HEADER_CHAR_WIDTH = 7.5;
/** Room in a header for padding, the sort arrow and the resize handle, in pixels. */
const HEADER_CHROME_WIDTH = 44;

/** Rows looked at to widen a text column; a fixed few, so the cost does not grow with the result. */
export const TEXT_SAMPLE_ROWS = 20;

/**
 * Returns a starting width in pixels from the column's type and name, widened
 * for a text column to fit the first few values (up to the maximum). Scanning
 * every row would cost time on every result; users resize instead.
 */
export function defaultColumnWidth(column: Column, firstValues: readonly Cell[] = []): number {
  const kind = columnKind(column.type);
  const byKind = kind === 'number' ? numberChars(column.type) * CELL_CHAR_WIDTH + CELL_PADDING : KIND_WIDTHS[kind];
  const byName = Math.ceil(column.name.length * HEADER_CHAR_WIDTH + HEADER_CHROME_WIDTH);
  const byValues = kind === 'text' ? sampledTextWidth(firstValues) : 0;
  return Math.max(MIN_WIDTH, Math.min(MAX_DEFAULT_WIDTH, Math.max(byKind, byName, byValues)));
}

function sampledTextWidth(values: readonly Cell[]): number {
  let longest = 0;
  const count = Math.min(values.length, TEXT_SAMPLE_ROWS);
  for (let i = 0; i < count; i++) {
    const value = values[i];
    if (typeof value === 'string') longest = Math.max(longest, value.length);
  }
  return longest * CELL_CHAR_WIDTH + CELL_PADDING;
}

export const MIN_COLUMN_WIDTH = MIN_WIDTH;
