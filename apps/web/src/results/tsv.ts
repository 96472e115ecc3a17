import type { Cell, Column } from '@console/shared-types';

const NEEDS_QUOTES = /[\t\r\n]/;

function numberText(value: number): string {
  // String() is the shortest text that reads back as the same double; it only drops the sign of -0.
  return Object.is(value, -0) ? '-0' : String(value);
}

/** Returns a cell's raw text: NULL as '', numbers unrounded, nested values as compact JSON. */
function rawText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return JSON.stringify(cell);
}

/**
 * Quotes a field the way Excel and Google Sheets copy cells: only when it
 * contains a tab or line break, or starts with a quote (which a paste would
 * otherwise read as an opening quote). Quotes inside are doubled.
 */
function tsvField(text: string): string {
  if (NEEDS_QUOTES.test(text) || text.startsWith('"')) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/**
 * Writes cells as tab-separated text for the clipboard, which spreadsheets
 * paste into cells. Rows end with CRLF like Excel's own copy, but the last row
 * has no line end so a single copied cell pastes into a text field without a
 * trailing newline. NULL is an empty field. Pass `columns` to add a header row
 * of column names; each row then writes one field per column.
 */
export function toTsv(columns: readonly Column[] | null, rows: readonly (readonly Cell[])[]): string {
  const lines: string[] = [];
  if (columns !== null) lines.push(columns.map((column) => tsvField(column.name)).join('\t'));

  for (const row of rows) {
    const width = columns === null ? row.length : columns.length;
    const fields = new Array<string>(width);
    for (let c = 0; c < width; c++) fields[c] = tsvField(rawText(row[c]));
    lines.push(fields.join('\t'));
  }
  return lines.join('\r\n');
}

/**
 * Returns the text the cell viewer copies: strings exactly as received, NULL
 * as '', numbers unrounded and nested values as JSON indented by two spaces.
 */
export function cellToText(cell: Cell): string {
  if (cell !== null && typeof cell === 'object') return JSON.stringify(cell, null, 2);
  return rawText(cell);
}
