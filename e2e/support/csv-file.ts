import type { Download } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';

const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** A downloaded CSV file, parsed. NULL (an empty unquoted field) is null; `""` is the empty string. */
export interface CsvFile {
  fileName: string;
  bytes: Buffer;
  hasBom: boolean;
  /** The header first, then one array per row. */
  records: (string | null)[][];
  /** Each record's text as it is in the file, without its line end. */
  rawRecords: string[];
  /** The line break after each record: CR, LF or both, exactly as in the file. */
  lineEnds: string[];
}

/**
 * Splits CSV text into records at line breaks outside quotes, keeping each
 * record's text and the exact line break after it. Written here rather than
 * taken from the parser, so the framing is checked by a second reading.
 */
export function splitRecords(text: string): { rawRecords: string[]; lineEnds: string[] } {
  const rawRecords: string[] = [];
  const lineEnds: string[] = [];
  let quoted = false;
  let start = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) quoted = !quoted;
    if (!quoted && (code === CR || code === LF)) {
      const end = code === CR && text.charCodeAt(index + 1) === LF ? index + 2 : index + 1;
      rawRecords.push(text.slice(start, index));
      lineEnds.push(text.slice(index, end));
      start = end;
      index = end;
      continue;
    }
    index++;
  }
  if (start < text.length) {
    rawRecords.push(text.slice(start));
    lineEnds.push('');
  }
  return { rawRecords, lineEnds };
}

/**
 * Parses CSV text with CRLF as the only record delimiter, so a file that ended
 * records with a bare LF would not parse into the expected records.
 */
export function parseCsv(text: string): (string | null)[][] {
  return parse(text, {
    record_delimiter: '\r\n',
    relax_column_count: false,
    cast: (value, context) => (value === '' && !context.quoting ? null : value),
  }) as (string | null)[][];
}

/** Reads a finished download and parses it as UTF-8 CSV. */
export async function readCsvDownload(download: Download): Promise<CsvFile> {
  const bytes = await readFile(await download.path());
  const hasBom = bytes.subarray(0, 3).equals(BYTE_ORDER_MARK);
  const text = bytes.subarray(hasBom ? 3 : 0).toString('utf8');
  return { fileName: download.suggestedFilename(), bytes, hasBom, records: parseCsv(text), ...splitRecords(text) };
}
