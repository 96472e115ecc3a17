/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { fullCellText, formatCell } from '../src/results/cell-format.js';
import { columnKind, defaultColumnWidth } from '../src/results/column-kind.js';
import { indentJson } from '../src/results/indent-json.js';
import { formatTimestamp, parseTimestamp } from '../src/results/timestamp.js';

// A zone without daylight saving time, so the expected local times hold all year.
process.env.TZ = 'Asia/Kolkata';

describe('formatCell', () => {
  it('tells NULL from the empty string', () => {
    expect(formatCell(null, 'text', 'utc')).toEqual({ text: 'NULL', tag: 'null' });
    expect(formatCell('', 'text', 'utc')).toEqual({ text: '', tag: 'empty' });
    expect(formatCell('NULL', 'text', 'utc')).toEqual({ text: 'NULL', tag: 'value' });
  });

  it('shows big numbers sent as strings digit for digit', () => {
    expect(formatCell('9223372036854775807', 'number', 'utc').text).toBe('9223372036854775807');
    expect(formatCell('12345678901234567890123456789.123456789', 'number', 'utc').text).toBe(
      '12345678901234567890123456789.123456789',
    );
    expect(formatCell('-0.000000001', 'number', 'utc').text).toBe('-0.000000001');
  });

  it('shows JSON numbers without rounding', () => {
    expect(formatCell(0.1, 'number', 'utc').text).toBe('0.1');
    expect(formatCell(9007199254740991, 'number', 'utc').text).toBe('9007199254740991');
    expect(formatCell(1e21, 'number', 'utc').text).toBe('1e+21');
    expect(formatCell(-0, 'number', 'utc').text).toBe('-0');
  });

  it('writes nested values as compact JSON', () => {
    expect(formatCell({ a: [1, 'x', null], b: { c: true } }, 'nested', 'utc').text).toBe('{"a":[1,"x",null],"b":{"c":true}}');
    expect(formatCell([], 'nested', 'utc').text).toBe('[]');
  });

  it('shows booleans as words', () => {
    expect(formatCell(true, 'boolean', 'utc').text).toBe('true');
    expect(formatCell(false, 'boolean', 'utc').text).toBe('false');
  });

  it('marks line breaks in one-line cells', () => {
    expect(formatCell('a\nb\r\nc\rd', 'text', 'utc').text).toBe('a↵b↵c↵d');
  });

  it('cuts very long text in the grid only', () => {
    const long = 'x'.repeat(5000);
    expect(formatCell(long, 'text', 'utc').text).toHaveLength(1001);
    expect(fullCellText(long)).toBe(long);
  });

  it('converts instants to local time on request', () => {
    expect(formatCell('2025-01-20T12:34:56.123456Z', 'timestamp', 'utc').text).toBe('2025-01-20 12:34:56.123456');
    expect(formatCell('2025-01-20T12:34:56.123456Z', 'timestamp', 'local').text).toBe('2025-01-20 18:04:56.123456 +05:30');
  });

  it('leaves wall-clock types as received', () => {
    expect(formatCell('2025-01-20 12:34:56', 'datetime', 'local').text).toBe('2025-01-20 12:34:56');
  });
});

describe('fullCellText', () => {
  it('indents nested values', () => {
    expect(fullCellText({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(fullCellText(null)).toBe('NULL');
    expect(fullCellText('')).toBe('');
  });
});

describe('timestamps', () => {
  it('reads ISO and SQL forms with and without a zone', () => {
    expect(parseTimestamp('2025-01-20T12:34:56Z')).toEqual({ epochSeconds: Date.UTC(2025, 0, 20, 12, 34, 56) / 1000, fraction: '' });
    expect(parseTimestamp('2025-01-20 12:34:56.5')?.fraction).toBe('5');
    expect(parseTimestamp('2025-01-20T14:34:56+02:00')?.epochSeconds).toBe(Date.UTC(2025, 0, 20, 12, 34, 56) / 1000);
    expect(parseTimestamp('2025-01-20T12:34:56 UTC')?.epochSeconds).toBe(Date.UTC(2025, 0, 20, 12, 34, 56) / 1000);
  });

  it('shows offsets in UTC', () => {
    expect(formatTimestamp('2025-01-20T02:00:00.000001-05:00', 'utc')).toBe('2025-01-20 07:00:00.000001');
  });

  it('keeps nanoseconds', () => {
    expect(formatTimestamp('2025-01-20T12:34:56.123456789Z', 'utc')).toBe('2025-01-20 12:34:56.123456789');
  });

  it('returns other text unchanged', () => {
    expect(formatTimestamp('yesterday', 'local')).toBe('yesterday');
    expect(parseTimestamp('2025-01-20')).toBeNull();
  });
});

describe('columnKind', () => {
  it('classifies engine type names', () => {
    expect(columnKind('DECIMAL(38,9)')).toBe('number');
    expect(columnKind('bigint')).toBe('number');
    expect(columnKind('TIMESTAMP')).toBe('timestamp');
    expect(columnKind('TIMESTAMP WITH TIME ZONE')).toBe('timestamp');
    expect(columnKind('TIMESTAMP_NTZ')).toBe('datetime');
    expect(columnKind('DATE')).toBe('datetime');
    expect(columnKind('ARRAY<STRING>')).toBe('nested');
    expect(columnKind('STRUCT<a: INT>')).toBe('nested');
    expect(columnKind('INTEGER[]')).toBe('nested');
    expect(columnKind('BOOLEAN')).toBe('boolean');
    expect(columnKind('STRING')).toBe('text');
    expect(columnKind('VARCHAR')).toBe('text');
  });
});

describe('defaultColumnWidth', () => {
  it('widens a text column to its first values', () => {
    const narrow = defaultColumnWidth({ name: 'title', type: 'STRING' }, ['short']);
    const wide = defaultColumnWidth({ name: 'title', type: 'STRING' }, ['short', 'a title of thirty-two characters']);
    expect(narrow).toBe(180);
    expect(wide).toBe(32 * 8 + 18);
    expect(defaultColumnWidth({ name: 'body', type: 'STRING' }, ['x'.repeat(5000)])).toBe(360);
  });

  it('keeps number widths from the type', () => {
    expect(defaultColumnWidth({ name: 'n', type: 'INT' }, ['12345678901234567890123'])).toBe(11 * 8 + 18);
  });

  it('depends on type and name only', () => {
    expect(defaultColumnWidth({ name: 'ok', type: 'BOOLEAN' })).toBe(80);
    expect(defaultColumnWidth({ name: 'note', type: 'STRING' })).toBe(180);
    expect(defaultColumnWidth({ name: 'a_rather_long_column_name', type: 'INT' })).toBeGreaterThan(
      defaultColumnWidth({ name: 'n', type: 'INT' }),
    );
    expect(defaultColumnWidth({ name: 'x'.repeat(200), type: 'INT' })).toBe(360);
  });

  it('fits every digit of integer and decimal types', () => {
    // 8 px per monospace character plus 18 px of padding.
    expect(defaultColumnWidth({ name: 'id', type: 'BIGINT' })).toBe(20 * 8 + 18);
    expect(defaultColumnWidth({ name: 'n', type: 'INT' })).toBe(11 * 8 + 18);
    expect(defaultColumnWidth({ name: 'amount', type: 'DECIMAL(38,9)' })).toBe(40 * 8 + 18);
    expect(defaultColumnWidth({ name: 'd', type: 'DECIMAL(5,2)' })).toBe(7 * 8 + 18);
  });
});

describe('indentJson', () => {
  it('keeps every digit of big numbers', () => {
    expect(indentJson('{"id":12345678901234567890,"d":0.1000000000000000055511}')).toBe(
      '{\n  "id": 12345678901234567890,\n  "d": 0.1000000000000000055511\n}',
    );
  });

  it('leaves strings with brackets, commas and escapes alone', () => {
    expect(indentJson('["a,b", "{x}", "q\\"uote:"]')).toBe('[\n  "a,b",\n  "{x}",\n  "q\\"uote:"\n]');
  });

  it('keeps empty containers on one line', () => {
    expect(indentJson('{"a":[],"b":{}}')).toBe('{\n  "a": [],\n  "b": {}\n}');
  });

  it('rejects text that is not a JSON object or array', () => {
    expect(indentJson('hello')).toBeNull();
    expect(indentJson('{"a":1')).toBeNull();
    expect(indentJson('["unterminated]')).toBeNull();
    expect(indentJson('}{')).toBeNull();
  });
});
