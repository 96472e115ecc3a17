import { describe, expect, it } from 'vitest';
import { useFixtureServer } from './fixture.js';

const context = useFixtureServer();

/** [DuckDB expression, expected vendor type name, expected JSON cell] */
const CASES: [string, string, unknown][] = [
  ['true', 'BOOLEAN', true],
  ['(-128)::TINYINT', 'TINYINT', -128],
  ['(-32768)::SMALLINT', 'SMALLINT', -32768],
  ['2147483647::INTEGER', 'INT', 2147483647],
  ['9007199254740993::BIGINT', 'BIGINT', '9007199254740993'],
  ['(-9223372036854775808)::BIGINT', 'BIGINT', '-9223372036854775808'],
  ['255::UTINYINT', 'SMALLINT', 255],
  ['65535::USMALLINT', 'INT', 65535],
  ['4294967295::UINTEGER', 'BIGINT', '4294967295'],
  ['18446744073709551615::UBIGINT', 'DECIMAL(20,0)', '18446744073709551615'],
  ['170141183460469231731687303715884105727::HUGEINT', 'DECIMAL(38,0)', '170141183460469231731687303715884105727'],
  ['340282366920938463463374607431768211455::UHUGEINT', 'DECIMAL(38,0)', '340282366920938463463374607431768211455'],
  ['123::BIGNUM', 'STRING', '123'],
  ['0.1::FLOAT', 'FLOAT', 0.1],
  ["'NaN'::FLOAT", 'FLOAT', 'NaN'],
  ['0.1::DOUBLE', 'DOUBLE', 0.1],
  ['5e-324::DOUBLE', 'DOUBLE', 5e-324],
  ["'NaN'::DOUBLE", 'DOUBLE', 'NaN'],
  ["'Infinity'::DOUBLE", 'DOUBLE', 'Infinity'],
  ["'-Infinity'::DOUBLE", 'DOUBLE', '-Infinity'],
  ['123.45::DECIMAL(10,2)', 'DECIMAL(10,2)', '123.45'],
  ['12345678901234567890.123456789012345678::DECIMAL(38,18)', 'DECIMAL(38,18)', '12345678901234567890.123456789012345678'],
  ['99999999999999999999999999999.999999999::DECIMAL(38,9)', 'DECIMAL(38,9)', '99999999999999999999999999999.999999999'],
  ['(-0.000000001)::DECIMAL(38,9)', 'DECIMAL(38,9)', '-0.000000001'],
  ["'héllo 🙂'::VARCHAR", 'STRING', 'héllo 🙂'],
  ["CAST('b' AS ENUM('a', 'b'))", 'STRING', 'b'],
  ["'550e8400-e29b-41d4-a716-446655440000'::UUID", 'STRING', '550e8400-e29b-41d4-a716-446655440000'],
  ["'\\xAA\\x00hi'::BLOB", 'BINARY', 'qgBoaQ=='],
  ["'0101'::BIT", 'STRING', '0101'],
  ["DATE '2025-01-20'", 'DATE', '2025-01-20'],
  ["DATE '1969-12-31'", 'DATE', '1969-12-31'],
  ["'infinity'::DATE", 'DATE', 'infinity'],
  ["TIMESTAMP '2025-01-20 12:34:56.123456'", 'TIMESTAMP', '2025-01-20T12:34:56.123456Z'],
  ["TIMESTAMP '2025-01-20 12:34:56'", 'TIMESTAMP', '2025-01-20T12:34:56.000000Z'],
  ["TIMESTAMP '1969-12-31 23:59:59.999999'", 'TIMESTAMP', '1969-12-31T23:59:59.999999Z'],
  ["'-infinity'::TIMESTAMP", 'TIMESTAMP', '-infinity'],
  ["'infinity'::TIMESTAMP", 'TIMESTAMP', 'infinity'],
  ["'infinity'::TIMESTAMPTZ", 'TIMESTAMP', 'infinity'],
  ["'-infinity'::TIMESTAMPTZ", 'TIMESTAMP', '-infinity'],
  ["TIMESTAMPTZ '2025-01-20 12:34:56.5+02:00'", 'TIMESTAMP', '2025-01-20T10:34:56.500000Z'],
  ["'2025-01-20 12:34:56'::TIMESTAMP_S", 'TIMESTAMP', '2025-01-20T12:34:56.000000Z'],
  ["'2025-01-20 12:34:56.789'::TIMESTAMP_MS", 'TIMESTAMP', '2025-01-20T12:34:56.789000Z'],
  ["'2025-01-20 12:34:56.123456789'::TIMESTAMP_NS", 'TIMESTAMP', '2025-01-20T12:34:56.123456789Z'],
  ["TIME '12:34:56.5'", 'STRING', '12:34:56.500000'],
  ["TIMETZ '12:34:56+02:30'", 'STRING', '12:34:56.000000+02:30'],
  ["INTERVAL '1 year 2 months 3 days 04:05:06.000007'", 'INTERVAL', '1 year 2 months 3 days 04:05:06.000007'],
  ['[1, NULL, 3]::INTEGER[]', 'ARRAY<INT>', [1, null, 3]],
  ['[9007199254740993]::BIGINT[]', 'ARRAY<BIGINT>', ['9007199254740993']],
  ['[1, 2, 3]::INTEGER[3]', 'ARRAY<INT>', [1, 2, 3]],
  ["[TIMESTAMP '2025-01-01 00:00:00.000001']", 'ARRAY<TIMESTAMP>', ['2025-01-01T00:00:00.000001Z']],
  [
    "{'id': 9007199254740993::BIGINT, 'amount': 1.5::DECIMAL(38,9), 'tags': ['a', NULL, '']}",
    'STRUCT<id: BIGINT, amount: DECIMAL(38,9), tags: ARRAY<STRING>>',
    { id: '9007199254740993', amount: '1.500000000', tags: ['a', null, ''] },
  ],
  ["[{'a': 1}, NULL, {'a': NULL}]", 'ARRAY<STRUCT<a: INT>>', [{ a: 1 }, null, { a: null }]],
  ["{'inner': {'n': 9007199254740993::BIGINT}, 'list': [[1], NULL, []]}", 'STRUCT<inner: STRUCT<n: BIGINT>, list: ARRAY<ARRAY<INT>>>', { inner: { n: '9007199254740993' }, list: [[1], null, []] }],
  ['NULL::STRUCT(a INTEGER)', 'STRUCT<a: INT>', null],
  ['NULL::INTEGER[]', 'ARRAY<INT>', null],
  ["MAP {'k': 1.5::DECIMAL(3,1), 'empty': NULL}", 'MAP<STRING, DECIMAL(3,1)>', { k: '1.5', empty: null }],
  ["MAP {7: 'seven'}", 'MAP<INT, STRING>', { '7': 'seven' }],
  ["union_value(num := 2)::UNION(num INTEGER, str VARCHAR)", 'STRUCT<num: INT, str: STRING>', { num: 2 }],
  ['9007199254740993::BIGINT::VARIANT', 'VARIANT', '9007199254740993'],
  // DuckDB types an untyped NULL in a result as INTEGER.
  ['NULL', 'INT', null],
  ['NULL::INTEGER', 'INT', null],
];

describe('type mapping', () => {
  it.each(CASES)('maps %s to its vendor type and exact cell', async (expression, expectedType, expectedCell) => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', `SELECT ${expression} AS value`);

    expect(response.status).toBe(200);
    expect(response.body.columns).toEqual([{ name: 'value', type: expectedType }]);
    expect(response.body.result).toEqual([[expectedCell]]);
  });

  it('keeps digits of stored values above 2^53', async () => {
    const response = await context.server.sql(context.fixture.tokens.alphaAdmin, 'alpha', 'SELECT id, price, created_at FROM item ORDER BY created_at NULLS LAST');

    expect(response.body.result).toEqual([
      ['3', '0.000000001', '1969-12-31T23:59:59.999999Z'],
      ['9007199254740993', '12.345000000', '2025-01-20T12:34:56.123456Z'],
      ['2', null, null],
    ]);
  });

  it('sends big numbers as strings in the raw JSON text', async () => {
    const text = await rawReplyText('SELECT 9007199254740993::BIGINT AS id');

    expect(text).toContain('"result":[["9007199254740993"]]');
  });

  it('keeps __proto__ keys as data', async () => {
    const text = await rawReplyText(
      `SELECT MAP {'__proto__': 'x', 'b': 'y'} AS m, union_value("__proto__" := 3)::UNION("__proto__" INTEGER, b VARCHAR) AS u`,
    );

    expect(text).toContain('"result":[[{"__proto__":"x","b":"y"},{"__proto__":3}]]');
  });

  it('keeps __proto__ struct members as data', async () => {
    const text = await rawReplyText(`SELECT {'__proto__': 1, 'b': 2} AS s, [{'__proto__': {'c': 3}}] AS l`);

    expect(text).toContain('"result":[[{"__proto__":1,"b":2},[{"__proto__":{"c":3}}]]]');
  });
});

/** Sends a query and returns the reply body as text, before any JSON parser reads it. */
async function rawReplyText(sql: string): Promise<string> {
  const response = await fetch(`${context.server.url}/v1/alpha/admin/sql_query`, {
    method: 'POST',
    headers: { authorization: `Bearer ${context.fixture.tokens.alphaAdmin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sql_query: sql, async_query: false }),
  });
  return response.text();
}
