import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { JsonScanner, JsonSyntaxError } from '../src/upstream/json-scanner.js';
import { parseRows } from '../src/upstream/success-body.js';
import { readSuccessBytes } from '../src/upstream/success-bytes.js';

const COLUMNS = '[{"name":"id","type":"STRING"},{"name":"n","type":"INT"}]';

function body(rows: string, extra = ''): Buffer {
  return Buffer.from(`{"execution_time_ms":7,"truncated":false,"columns":${COLUMNS},"result":${rows}${extra}}`, 'utf8');
}

function messageOf(bytes: Buffer): string {
  try {
    readSuccessBytes(bytes);
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error('expected readSuccessBytes to throw');
}

/** Tells whether the scanner accepts `text` as one JSON value. */
function scannerAccepts(text: string): boolean {
  const scanner = new JsonScanner(Buffer.from(text, 'utf8'));
  try {
    scanner.value();
    return scanner.peek() === -1;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return false;
    throw error;
  }
}

function parserAccepts(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('JSON scanner', () => {
  const documents = [
    '0', '-0', '12', '-12.5e+3', '1E5', '0.5', '[]', '{}', ' [ 1 , 2 ] ', '"a\\u00e9\\n\\/"', 'true', 'false', 'null',
    '{"a":[{"b":null}],"c":"\\""}', '"é ü 中 😀"', '[[[]]]',
    '', ' ', '01', '1.', '.5', '-', '+1', '1e', '1e+', '0x10', 'tru', 'nul', 'True', '[1,]', '[,1]', '{"a":1,}',
    '{a:1}', "{'a':1}", '"abc', '"a\\x"', '"\\u12G4"', '"tab\there"', '"line\nbreak"', '[1 2]', '{"a" 1}', '1 2',
    'NaN', 'Infinity', '[1]]', '{"a":1}}', '\u00a0[]',
  ];

  it.each(documents)('agrees with JSON.parse on %j', (text) => {
    expect(scannerAccepts(text)).toBe(parserAccepts(text));
  });

  it('marks a number a double would change', () => {
    for (const literal of ['9007199254740993', '2.50', '1e21', '-0', '12345678901234567890.5']) {
      const scanner = new JsonScanner(Buffer.from(`[1, ${literal}]`));
      scanner.value();
      expect(scanner.inexactNumber, literal).toBe(true);
    }
  });

  it('leaves numbers a double keeps unmarked', () => {
    const scanner = new JsonScanner(Buffer.from('[0, -7, 1.5, 0.1, 123456789012345, 1e-7, "9007199254740993"]'));
    scanner.value();
    expect(scanner.inexactNumber).toBe(false);
  });
});

describe('readSuccessBytes', () => {
  it('passes the rows on byte for byte', () => {
    const rows = '[ ["a\\u00e9 \\"q\\" é", 1],\n  ["😀\\/", -2.5] ]';
    const result = readSuccessBytes(body(rows));

    expect(result.rowsJson.toString('utf8')).toBe(rows);
    expect(result.rowCount).toBe(2);
    expect(parseRows(result)).toEqual([
      ['aé "q" é', 1],
      ['😀/', -2.5],
    ]);
  });

  it('reads columns, truncated and execution time', () => {
    const { rowsJson: _rows, ...fields } = readSuccessBytes(body('[]'));
    expect(fields).toEqual({
      columns: [
        { name: 'id', type: 'STRING' },
        { name: 'n', type: 'INT' },
      ],
      rowCount: 0,
      truncated: false,
      executionTimeMs: 7,
    });
  });

  it('reads "rows" when "result" is absent', () => {
    const bytes = Buffer.from(`{"columns":${COLUMNS},"rows":[["x",1]]}`);
    expect(parseRows(readSuccessBytes(bytes))).toEqual([['x', 1]]);
  });

  it('keeps the last of duplicate keys', () => {
    const bytes = body('[["old",1]]', ',"result":[["new",2]],"truncated":true');
    const result = readSuccessBytes(bytes);
    expect(parseRows(result)).toEqual([['new', 2]]);
    expect(result.truncated).toBe(true);
  });

  it('turns numbers a double would change into exact strings', () => {
    const result = readSuccessBytes(body('[["a", 9007199254740993], ["b", 2.50]]'));
    expect(result.rowsJson.toString('utf8')).toBe('[["a","9007199254740993"],["b","2.50"]]');
    expect(result.rowCount).toBe(2);
  });

  it('passes on nesting deeper than the call stack', () => {
    const depth = 200_000;
    const cell = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const result = readSuccessBytes(body(`[["deep", ${cell}]]`));
    expect(result.rowCount).toBe(1);
    expect(result.rowsJson.length).toBe(2 * depth + 12);
  });

  it('rejects deep nesting it must encode again', () => {
    const depth = 200_000;
    const cell = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(messageOf(body(`[[9007199254740993, ${cell}]]`))).toContain('nested too deeply');
  });

  it.each([
    ['a row with too few cells', body('[["a"]]'), 'row 1 has 1 cells for 2 columns'],
    ['a row that is not an array', body('[["a",1],{"id":"b"}]'), 'row 2 should be an array, got an object'],
    ['rows that are null', body('null'), 'the rows should be an array under "result" or "rows", got null'],
    ['no rows at all', Buffer.from(`{"columns":${COLUMNS}}`), 'got nothing'],
    ['columns that are missing', Buffer.from('{"result":[]}'), '"columns" should be an array, got nothing'],
    ['truncated as text', body('[]', ',"truncated":"no"'), '"truncated" should be true or false, got a string'],
    ['a body that is an array', Buffer.from('[1, 2]'), 'expected a JSON object, got an array'],
    ['an empty body', Buffer.from('  '), 'the response body was empty'],
    ['an HTML page', Buffer.from('<html><body>Bad gateway</body></html>'), 'an HTML page instead of JSON'],
    ['a body cut short', body('[["a",1]]').subarray(0, 60), 'invalid or incomplete JSON'],
    ['a trailing comma in a row', body('[["a",1,]]'), 'invalid or incomplete JSON'],
    ['text after the object', Buffer.concat([body('[]'), Buffer.from(' x')]), 'invalid or incomplete JSON'],
  ])('rejects %s', (_case, bytes, message) => {
    expect(messageOf(bytes)).toContain(message);
  });
});
