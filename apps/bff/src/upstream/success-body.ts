import type { Cell, Column } from '@console/shared-types';
import { upstreamBadResponse } from '../errors.js';

/** A successful response of the SQL API, checked and ready to pass on. */
export interface UpstreamResult {
  columns: Column[];
  /**
   * The rows as the UTF-8 text of a JSON array of arrays, which the BFF sends
   * on as it is. Every number literal in it keeps its value as a double, so
   * any JSON parser reads it without losing a digit.
   */
  rowsJson: Buffer;
  rowCount: number;
  truncated: boolean;
  executionTimeMs: number;
  /** Size of the SQL API's JSON body in bytes, when known: a cheap stand-in for the result's memory. */
  sizeBytes?: number;
}

/** Parses the rows of a result, for the few callers that read cells. */
export function parseRows(result: Pick<UpstreamResult, 'rowsJson'>): Cell[][] {
  return JSON.parse(result.rowsJson.toString('utf8')) as Cell[][];
}

/** Builds a result from rows already in memory. */
export function resultFromRows(
  fields: Omit<UpstreamResult, 'rowsJson' | 'rowCount'>,
  rows: readonly (readonly Cell[])[],
): UpstreamResult {
  return { ...fields, rowsJson: Buffer.from(JSON.stringify(rows), 'utf8'), rowCount: rows.length };
}

/**
 * Checks the parsed body of a 2xx response and returns its result. Rows are read
 * from `result`, or from `rows` when `result` is absent, because the vendor's
 * own sample client reads `rows`. Throws `upstreamBadResponse` naming the first
 * field that does not fit.
 */
export function readSuccessBody(body: unknown): UpstreamResult {
  if (!isRecord(body)) throw upstreamBadResponse(`expected a JSON object, got ${describe(body)}`);

  const columns = readColumns(body.columns);
  const rows = readRows(body.result !== undefined ? body.result : body.rows, columns.length);

  return resultFromRows(
    {
      columns,
      truncated: readTruncated(body.truncated),
      executionTimeMs: readExecutionTime(body.execution_time_ms),
    },
    rows,
  );
}

export function readColumns(value: unknown): Column[] {
  if (!Array.isArray(value)) throw upstreamBadResponse(`"columns" should be an array, got ${describe(value)}`);

  return value.map((column: unknown, index) => {
    if (!isRecord(column) || typeof column.name !== 'string' || typeof column.type !== 'string') {
      throw upstreamBadResponse(`column ${index + 1} should be {"name", "type"} with two strings`);
    }
    return { name: column.name, type: column.type };
  });
}

function readRows(value: unknown, columnCount: number): Cell[][] {
  if (!Array.isArray(value)) {
    throw upstreamBadResponse(`the rows should be an array under "result" or "rows", got ${describe(value)}`);
  }

  for (const [index, row] of value.entries()) {
    if (!Array.isArray(row)) throw upstreamBadResponse(`row ${index + 1} should be an array, got ${describe(row)}`);
    if (row.length !== columnCount) {
      throw upstreamBadResponse(`row ${index + 1} has ${row.length} cells for ${columnCount} columns`);
    }
  }
  // Parsed JSON holds only strings, numbers, booleans, null, arrays and objects: exactly `Cell`.
  return value as Cell[][];
}

export function readTruncated(value: unknown): boolean {
  // NOTE: a response without "truncated" is taken as complete, because the contract always sends the field.
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw upstreamBadResponse(`"truncated" should be true or false, got ${describe(value)}`);
  return value;
}

export function readExecutionTime(value: unknown): number {
  if (value === undefined || value === null) return 0;

  // The lossless parser turns a literal such as 12.50 into the string "12.50".
  const milliseconds = typeof value === 'string' ? Number(value) : value;
  if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds) || milliseconds < 0) {
    throw upstreamBadResponse(`"execution_time_ms" should be a number of milliseconds, got ${describe(value)}`);
  }
  return milliseconds;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names the JSON type of a value for a message, never its content. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}
