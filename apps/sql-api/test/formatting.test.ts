import { DECIMAL, DuckDBDecimalValue } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { encodeCell } from '../src/cell-encoding.js';
import { positionFromCodePointOffset, splitEngineMessage } from '../src/engine-message.js';
import { describeStatementKind } from '../src/statement-kind.js';
import { formatDate, formatTimestampMicros, formatTimestampNanos, formatUtcOffset } from '../src/time-format.js';

describe('time formatting', () => {
  it.each([
    [0, '1970-01-01'],
    [-1, '1969-12-31'],
    [19_742, '2024-01-20'],
    [11_016, '2000-02-29'],
    [-719_528, '0000-01-01'],
    [2_932_897, '+010000-01-01'],
    [-719_529, '-000001-12-31'],
  ])('formats epoch day %i as %s', (days, expected) => {
    expect(formatDate(days)).toBe(expected);
  });

  it('formats microseconds before the epoch', () => {
    expect(formatTimestampMicros(-1n)).toBe('1969-12-31T23:59:59.999999Z');
  });

  it('formats midnight and 2^53 boundaries', () => {
    const day = 86_400_000_000n;
    expect(formatTimestampMicros(19_742n * day - 1n)).toBe('2024-01-19T23:59:59.999999Z');
    expect(formatTimestampMicros(19_742n * day)).toBe('2024-01-20T00:00:00.000000Z');
    expect(formatTimestampMicros(-day)).toBe('1969-12-31T00:00:00.000000Z');
    expect(formatTimestampMicros(-day - 1n)).toBe('1969-12-30T23:59:59.999999Z');
    // Number arithmetic covers 2^53 microseconds on each side of 1970; bigint takes over beyond.
    expect(formatTimestampMicros(2n ** 53n - 1n)).toBe('2255-06-05T23:47:34.740991Z');
    expect(formatTimestampMicros(2n ** 53n + 1n)).toBe('2255-06-05T23:47:34.740993Z');
    expect(formatTimestampMicros(-(2n ** 53n) - 1n)).toBe('1684-07-28T00:12:25.259007Z');
  });

  it('matches Date for random timestamps', () => {
    // Years 0 to 9999, where Date.prototype.toISOString prints four-digit years,
    // and every other value within 2^53 microseconds of 1970.
    const yearZero = -62_167_219_200_000_000;
    const yearTenThousand = 253_402_300_800_000_000;
    const limit = Number.MAX_SAFE_INTEGER;
    for (let i = 0; i < 4_000; i += 1) {
      const [first, last] = i % 2 === 0 ? [yearZero, yearTenThousand] : [-limit, limit];
      const micros = BigInt(Math.floor(first + Math.random() * (last - first)));
      const millis = micros >= 0n ? micros / 1000n : -((-micros + 999n) / 1000n);
      const fraction = String(((micros % 1_000_000n) + 1_000_000n) % 1_000_000n).padStart(6, '0');
      const expected = new Date(Number(millis)).toISOString().replace(/\.\d{3}Z$/, `.${fraction}Z`);
      expect(formatTimestampMicros(micros), `for ${micros} µs`).toBe(expected);
    }
  });

  it('formats nanoseconds with nine digits', () => {
    expect(formatTimestampNanos(1_737_376_496_123_456_789n)).toBe('2025-01-20T12:34:56.123456789Z');
  });

  it('formats offsets with and without seconds', () => {
    expect(formatUtcOffset(9_000)).toBe('+02:30');
    expect(formatUtcOffset(-3_661)).toBe('-01:01:01');
  });
});

describe('decimal cells', () => {
  it('match the library toString at random', () => {
    for (let i = 0; i < 2_000; i += 1) {
      const width = 1 + Math.floor(Math.random() * 38);
      const scale = Math.floor(Math.random() * (width + 1));
      const digits = Array.from({ length: width }, () => Math.floor(Math.random() * 10)).join('').replace(/^0+/, '');
      const scaled = BigInt(digits === '' ? '0' : digits) * (Math.random() < 0.5 ? -1n : 1n);
      const value = new DuckDBDecimalValue(scaled, width, scale);
      expect(encodeCell(value, DECIMAL(width, scale)), `for ${scaled} with scale ${scale}`).toBe(value.toString());
    }
  });

  it.each([
    [5n, 2, '0.05'],
    [-5n, 2, '-0.05'],
    [0n, 3, '0.000'],
    [-12_345n, 2, '-123.45'],
    [42n, 0, '42'],
  ])('encode %s with scale %i as %s', (scaled, scale, expected) => {
    expect(encodeCell(new DuckDBDecimalValue(scaled, 18, scale), DECIMAL(18, scale))).toBe(expected);
  });
});

describe('engine messages', () => {
  it('splits the caret context from the message', () => {
    const message = 'Binder Error: Referenced column "idd" not found in FROM clause!\n\nLINE 3: where idd = 1\n              ^';

    expect(splitEngineMessage(message, 'select *\nfrom t\nwhere idd = 1')).toEqual({
      message: 'Binder Error: Referenced column "idd" not found in FROM clause!',
      position: { line: 3, column: 7 },
    });
  });

  it('locates the caret inside a shortened long line', () => {
    const columns = Array.from({ length: 30 }, (_, index) => `${index} AS a${index}`).join(', ');
    const sql = `select ${columns}, nope from t`;
    const window = sql.slice(60, 160);
    const caretWidth = sql.indexOf('nope') - 60 + 3;
    const message = `Binder Error: x\n\nLINE 1: ...${window}...\n${' '.repeat('LINE 1: '.length + caretWidth)}^`;

    expect(splitEngineMessage(message, sql).position).toEqual({ line: 1, column: sql.indexOf('nope') + 1 });
  });

  it('drops the extraction prefix', () => {
    expect(splitEngineMessage('Failed to extract statements: Parser Error: syntax error at end of input', 'select 1 +').message).toBe(
      'Parser Error: syntax error at end of input',
    );
  });

  it('converts code point offsets to editor columns', () => {
    expect(positionFromCodePointOffset('select 🙂,\n  x', 9)).toEqual({ line: 1, column: 11 });
    expect(positionFromCodePointOffset('select 🙂,\n  x', 12)).toEqual({ line: 2, column: 3 });
  });
});

describe('statement kinds', () => {
  it.each([
    ['insert into t values (1)', 'INSERT'],
    ['  create table t (a int)', 'CREATE TABLE'],
    ['create or replace table t as select 1', 'CREATE OR REPLACE'],
    ["-- 'select'\nupdate t set a = 1", 'UPDATE'],
    ["with x as (select 'delete') delete from t", 'WITH ... DELETE'],
    ["select ';'; drop table t", 'DROP TABLE'],
  ])('names %j as %s', (sql, expected) => {
    expect(describeStatementKind(sql).name).toBe(expected);
  });

  it('counts statements outside quotes', () => {
    expect(describeStatementKind("select ';'; delete from t;").statementCount).toBe(2);
  });
});
