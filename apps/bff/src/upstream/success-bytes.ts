import { upstreamBadResponse } from '../errors.js';
import { JSON_BYTES, JsonScanner, JsonSyntaxError } from './json-scanner.js';
import { parseJsonLosslessly } from './lossless-json.js';
import {
  type UpstreamResult,
  readColumns,
  readExecutionTime,
  readSuccessBody,
  readTruncated,
} from './success-body.js';

/** The byte range of a top-level field's value in the body. */
interface Span {
  start: number;
  end: number;
}

/** A rows field as the scan found it: its byte range and each row's cell count, or the kind of value it was instead. */
interface RowsField extends Span {
  /** Set when the value is not an array: the kind it is. */
  notArray?: string;
  /** Per row, its cell count, or the kind of value when the row is not an array. */
  rows: (number | string)[];
}

/**
 * Reads the body of a 2xx response of the SQL API from its bytes. The rows
 * stay the body's own bytes: they are checked (valid JSON, an array of
 * arrays, one cell per column) but not parsed, so a large result costs no
 * parsing and no encoding again. When a number literal would lose digits as a
 * double, the body is parsed losslessly instead and the rows are encoded
 * again with those numbers as exact strings. Throws `upstreamBadResponse`
 * with the same messages as `readSuccessBody`.
 */
export function readSuccessBytes(body: Buffer): UpstreamResult {
  const scanner = new JsonScanner(body);
  let fields: Map<string, Span | RowsField> | undefined;
  try {
    fields = scanTopLevel(scanner);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw invalidJson(body);
    throw error;
  }
  // The parser's path names what came instead of an object, and keeps every digit.
  if (fields === undefined || scanner.inexactNumber) return readParsed(body);

  const columns = readColumns(parseField(body, fields.get('columns')));
  const rowsField = (fields.get('result') ?? fields.get('rows')) as RowsField | undefined;
  checkRows(rowsField, columns.length);

  return {
    columns,
    rowsJson: body.subarray(rowsField.start, rowsField.end),
    rowCount: rowsField.rows.length,
    truncated: readTruncated(parseField(body, fields.get('truncated'))),
    executionTimeMs: readExecutionTime(parseField(body, fields.get('execution_time_ms'))),
  };
}

/**
 * Scans the whole body and returns the top-level fields by name (the last of
 * duplicates, as `JSON.parse` keeps), or undefined when the body is valid
 * JSON but not an object.
 */
function scanTopLevel(scanner: JsonScanner): Map<string, Span | RowsField> | undefined {
  if (scanner.peek() !== JSON_BYTES.OPEN_BRACE) {
    scanner.value();
    if (scanner.peek() !== -1) throw new JsonSyntaxError(scanner.position);
    return undefined;
  }

  const fields = new Map<string, Span | RowsField>();
  scanner.items(JSON_BYTES.CLOSE_BRACE, () => {
    if (scanner.peek() !== JSON_BYTES.QUOTE) throw new JsonSyntaxError(scanner.position);
    const keyStart = scanner.position;
    scanner.string();
    const key = JSON.parse(scanner.bytes.subarray(keyStart, scanner.position).toString()) as string;
    scanner.expect(JSON_BYTES.COLON);
    const start = scanner.position;
    if (key === 'result' || key === 'rows') {
      fields.set(key, scanRows(scanner));
    } else {
      scanner.value();
      fields.set(key, { start, end: scanner.position });
    }
  });
  if (scanner.peek() !== -1) throw new JsonSyntaxError(scanner.position);
  return fields;
}

/** Scans a rows value, counting the cells of each row. */
function scanRows(scanner: JsonScanner): RowsField {
  const first = scanner.peek();
  const start = scanner.position;
  if (first !== JSON_BYTES.OPEN_BRACKET) {
    scanner.value();
    return { start, end: scanner.position, notArray: kindOf(first), rows: [] };
  }

  const rows: (number | string)[] = [];
  scanner.items(JSON_BYTES.CLOSE_BRACKET, () => rows.push(scanRow(scanner)));
  return { start, end: scanner.position, rows };
}

/** Scans one row and returns its cell count, or the kind of value when it is not an array. */
function scanRow(scanner: JsonScanner): number | string {
  const first = scanner.peek();
  if (first !== JSON_BYTES.OPEN_BRACKET) {
    scanner.value();
    return kindOf(first);
  }
  let cells = 0;
  scanner.items(JSON_BYTES.CLOSE_BRACKET, () => {
    scanner.value();
    cells += 1;
  });
  return cells;
}

function checkRows(field: RowsField | undefined, columnCount: number): asserts field is RowsField {
  const got = field === undefined ? 'nothing' : field.notArray;
  if (got !== undefined) throw upstreamBadResponse(`the rows should be an array under "result" or "rows", got ${got}`);

  const { rows } = field as RowsField;
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index];
    if (typeof row === 'string') throw upstreamBadResponse(`row ${index + 1} should be an array, got ${row}`);
    if (row !== columnCount) throw upstreamBadResponse(`row ${index + 1} has ${row} cells for ${columnCount} columns`);
  }
}

function parseField(body: Buffer, span: Span | undefined): unknown {
  return span === undefined ? undefined : JSON.parse(body.toString('utf8', span.start, span.end));
}

/** Reads the body through the lossless parser, for the rare body that the scan cannot pass on. */
function readParsed(body: Buffer): UpstreamResult {
  try {
    return readSuccessBody(parseJsonLosslessly(body.toString('utf8')));
  } catch (error) {
    // The lossless parser and the encoder recurse, so very deep nesting exceeds the call stack.
    if (error instanceof RangeError) throw upstreamBadResponse('values nested too deeply to read without losing digits');
    if (error instanceof SyntaxError) throw invalidJson(body);
    throw error;
  }
}

function invalidJson(body: Buffer): Error {
  // The parser's own message quotes the body, which may be anything, so it is not passed on.
  const text = body.toString('utf8');
  if (text.trim() === '') return upstreamBadResponse('the response body was empty');
  return upstreamBadResponse(/^\s*</.test(text) ? 'an HTML page instead of JSON' : 'invalid or incomplete JSON');
}

/** Names the JSON type of a value from its first byte, as `describe` names a parsed one. */
function kindOf(firstByte: number): string {
  if (firstByte === JSON_BYTES.OPEN_BRACE) return 'an object';
  if (firstByte === JSON_BYTES.OPEN_BRACKET) return 'an array';
  if (firstByte === JSON_BYTES.QUOTE) return 'a string';
  if (firstByte === JSON_BYTES.LOWER_T || firstByte === JSON_BYTES.LOWER_F) return 'a boolean';
  if (firstByte === JSON_BYTES.LOWER_N) return 'null';
  return 'a number';
}

