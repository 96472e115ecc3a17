import { describe, expect, it } from 'vitest';
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

  it('formats nanoseconds with nine digits', () => {
    expect(formatTimestampNanos(1_737_376_496_123_456_789n)).toBe('2025-01-20T12:34:56.123456789Z');
  });

  it('formats offsets with and without seconds', () => {
    expect(formatUtcOffset(9_000)).toBe('+02:30');
    expect(formatUtcOffset(-3_661)).toBe('-01:01:01');
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
