import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSqlApiClient, type SqlApiClient } from '../src/upstream/sql-api-client.js';
import { type FaultServer, SMALL_RESULT, sendJson, sendText, startFaultServer } from './support/fault-server.js';
import { parseRows } from '../src/upstream/success-body.js';

const TOKEN = 'test-token-client-5f3a9c1e7b';
const BIGINT_ABOVE_2_53 = '9223372036854775807';
const DECIMAL_38_18 = '12345678901234567890.123456789012345678';

let server: FaultServer;
let client: SqlApiClient;

beforeAll(async () => {
  server = await startFaultServer();
  client = createSqlApiClient({
    baseUrl: server.url,
    orgId: 'demo org',
    token: TOKEN,
    timeoutMs: 5_000,
    maxResponseBytes: 1_000_000,
  });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

afterEach(() => {
  server.requests.length = 0;
});

describe('SQL API client call', () => {
  it('posts the query with the bearer token to the organization path', async () => {
    server.handle((_request, response) => sendJson(response, 200, SMALL_RESULT));

    await client.query('SELECT 1');

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/demo%20org/admin/sql_query');
    expect(request?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.contentType).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ sql_query: 'SELECT 1', async_query: false });
  });

  it('returns columns, rows, truncated and execution time', async () => {
    const body = { ...SMALL_RESULT, truncated: true };
    server.handle((_request, response) => sendJson(response, 200, body));

    const { rowsJson, ...result } = await client.query('SELECT id, n FROM t');

    expect(JSON.parse(rowsJson.toString('utf8'))).toEqual([
      ['a1', 1],
      ['b2', 2],
    ]);
    expect(result).toEqual({
      columns: [
        { name: 'id', type: 'STRING' },
        { name: 'n', type: 'INT' },
      ],
      rowCount: 2,
      truncated: true,
      executionTimeMs: 12,
      sizeBytes: Buffer.byteLength(JSON.stringify(body)),
    });
  });

  it('reads the rows from "rows" when "result" is absent', async () => {
    const { result: rows, ...rest } = SMALL_RESULT;
    server.handle((_request, response) => sendJson(response, 200, { ...rest, rows }));

    expect(parseRows(await client.query('SELECT 1'))).toEqual(rows);
  });

  it('prefers "result" over "rows" when both are present', async () => {
    server.handle((_request, response) => sendJson(response, 200, { ...SMALL_RESULT, rows: [['zz', 9]] }));

    expect(parseRows(await client.query('SELECT 1'))).toEqual(SMALL_RESULT.result);
  });

  it('keeps big numbers sent as JSON numbers exactly', async () => {
    const body =
      '{"execution_time_ms": 3, "truncated": false,' +
      ' "columns": [{"name": "id", "type": "BIGINT"}, {"name": "amount", "type": "DECIMAL(38,18)"}, {"name": "n", "type": "INT"}],' +
      ` "result": [[${BIGINT_ABOVE_2_53}, ${DECIMAL_38_18}, 7], [-${BIGINT_ABOVE_2_53}, 0.000000000000000001, 8]]}`;
    server.handle((_request, response) => sendText(response, 200, 'application/json', body));

    const result = await client.query('SELECT id, amount, n FROM t');

    expect(parseRows(result)).toEqual([
      [BIGINT_ABOVE_2_53, DECIMAL_38_18, 7],
      [`-${BIGINT_ABOVE_2_53}`, '0.000000000000000001', 8],
    ]);
  });

  it('keeps big numbers sent as strings exactly', async () => {
    server.handle((_request, response) =>
      sendJson(response, 200, {
        execution_time_ms: 3,
        truncated: false,
        columns: [
          { name: 'id', type: 'BIGINT' },
          { name: 'amount', type: 'DECIMAL(38,18)' },
        ],
        result: [[BIGINT_ABOVE_2_53, DECIMAL_38_18]],
      }),
    );

    expect(parseRows(await client.query('SELECT id, amount FROM t'))).toEqual([[BIGINT_ABOVE_2_53, DECIMAL_38_18]]);
  });

  it('passes nested values and nulls through', async () => {
    const row = [null, '', ['a', null], { k: 1, nested: { deep: [true] } }];
    server.handle((_request, response) =>
      sendJson(response, 200, {
        execution_time_ms: 1,
        truncated: false,
        columns: [
          { name: 'a', type: 'STRING' },
          { name: 'b', type: 'STRING' },
          { name: 'c', type: 'ARRAY<STRING>' },
          { name: 'd', type: 'STRUCT<k: INT, nested: STRUCT<deep: ARRAY<BOOLEAN>>>' },
        ],
        result: [row],
      }),
    );

    expect(parseRows(await client.query('SELECT 1'))).toEqual([row]);
  });

  it('rejects with the caller reason when the signal aborts', async () => {
    server.handle(() => {
      // Never responds, so only the abort can end the call.
    });
    const controller = new AbortController();
    const reason = new Error('client went away');
    setTimeout(() => controller.abort(reason), 50);

    await expect(client.query('SELECT 1', controller.signal)).rejects.toBe(reason);
  });
});
