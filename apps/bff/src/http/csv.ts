/** A UTF-8 byte order mark, so that Excel reads the file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

// Spreadsheets run a text cell starting with one of these as a formula.
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Quotes one text field as RFC 4180 requires: quoted when it contains a comma,
 * a quote, CR or LF, quotes doubled. Text that a spreadsheet would run as a
 * formula gets a leading `'` first. Numbers are written as they are, so `-5`
 * stays a number.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Joins fields into one CSV record ending in CRLF. */
export function csvRecord(fields: readonly (string | number | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
