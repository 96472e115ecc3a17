import type { Page } from '@playwright/test';
import { items, member, parseRawJson, type RawJson } from './raw-json';
import { setSql } from './console';

/** A `POST /api/query` answer as the BFF wrote it: every cell keeps its JSON text. */
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

/** Runs `sql` with the Run button and returns the raw body of the page's own `/api/query` response. */
export async function runSqlForBody(page: Page, sql: string): Promise<string> {
  await setSql(page, sql);
  const response = page.waitForResponse(
    (candidate) => candidate.request().method() === 'POST' && new URL(candidate.url()).pathname === '/api/query',
  );
  await page.getByTestId('run-button').click();
  const answer = await response;
  if (answer.status() !== 200) throw new Error(`The query failed with HTTP ${answer.status()}: ${await answer.text()}`);
  return answer.text();
}
