import type { Page, Response } from '@playwright/test';
import { items, member, parseRawJson, type RawJson } from './raw-json';
import { setSql } from './console';

/** A `POST /api/query` response body as the BFF wrote it, with every cell's JSON text kept. */
export interface RawQueryResult {
  columns: { name: string; type: string }[];
  rows: RawJson[][];
}

function stringValue(node: RawJson): string {
  if (node.kind !== 'string') throw new TypeError(`Expected a string, got ${node.text}.`);
  return node.value;
}

/** Reads the columns and rows of a `POST /api/query` response body. */
export function readQueryResult(body: string): RawQueryResult {
  const root = parseRawJson(body);
  const columns = items(member(root, 'columns')).map((column) => ({
    name: stringValue(member(column, 'name')),
    type: stringValue(member(column, 'type')),
  }));
  const rows = items(member(root, 'rows')).map(items);
  return { columns, rows };
}

/**
 * Returns the text a cell should have in a CSV file or on the clipboard: NULL
 * as null, strings decoded, numbers and nested values exactly as the JSON text
 * the server sent.
 */
export function cellText(cell: RawJson): string | null {
  if (cell.kind === 'null') return null;
  if (cell.kind === 'string') return cell.value;
  return cell.text;
}

/** Returns the index of the column called `name`. */
export function columnIndex(result: RawQueryResult, name: string): number {
  const index = result.columns.findIndex((column) => column.name === name);
  if (index === -1) {
    throw new Error(`The result has no column ${name}; it has ${result.columns.map((column) => column.name).join(', ')}.`);
  }
  return index;
}

/** Returns the index of the `tricky_values` row whose `kind` is `kind`. */
export function rowIndex(result: RawQueryResult, kind: string): number {
  const kindColumn = columnIndex(result, 'kind');
  const index = result.rows.findIndex((row) => row[kindColumn] !== undefined && cellText(row[kindColumn]) === kind);
  if (index === -1) throw new Error(`The result has no row of kind ${kind}.`);
  return index;
}

/** Returns the cell at a 0-based row and column, failing with both when it is missing. */
export function cellAt(result: RawQueryResult, row: number, column: number): RawJson {
  const cell = result.rows[row]?.[column];
  if (cell === undefined) throw new Error(`The result has no cell at row ${row}, column ${column}.`);
  return cell;
}

/** Waits for the page's next `POST /api/query` response. Call it before the click that runs the query. */
export function nextQueryResponse(page: Page): Promise<Response> {
  return page.waitForResponse(
    (candidate) => candidate.request().method() === 'POST' && new URL(candidate.url()).pathname === '/api/query',
  );
}

/** Runs `sql` with the Run button and returns the raw body of the page's own `/api/query` response. */
export async function runSqlForBody(page: Page, sql: string): Promise<string> {
  await setSql(page, sql);
  const response = nextQueryResponse(page);
  await page.getByTestId('run-button').click();
  const answer = await response;
  if (answer.status() !== 200) throw new Error(`The query failed with HTTP ${answer.status()}: ${await answer.text()}`);
  return answer.text();
}
