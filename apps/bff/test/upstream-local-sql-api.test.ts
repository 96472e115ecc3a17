import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { createSqlApiClient, type SqlApiClient, type SqlApiClientOptions } from '../src/upstream/sql-api-client.js';
import { appErrorOf, expectNoToken } from './support/fault-server.js';
import { parseRows } from '../src/upstream/success-body.js';

// The local SQL API is a workspace package; its dist must be built first
// (`npx pnpm --filter @console/sql-api build`). Without it these tests are skipped.
const sqlApi = await import('@console/sql-api').catch(() => undefined);

type RunningSqlApi = Awaited<ReturnType<NonNullable<typeof sqlApi>['startSqlApi']>>;

let dataDir = '';
let token = '';
let server: RunningSqlApi | undefined;
let limitedServer: RunningSqlApi | undefined;
const clients: SqlApiClient[] = [];

function clientFor(running: RunningSqlApi | undefined, overrides: Partial<SqlApiClientOptions> = {}): SqlApiClient {
  if (!running) throw new Error('the local SQL API did not start');
  const client = createSqlApiClient({
    baseUrl: running.url,
    orgId: 'demo',
    token,
    timeoutMs: 10_000,
    maxResponseBytes: 50 * 1024 * 1024,
    ...overrides,
  });
  clients.push(client);
  return client;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await appErrorOf(promise);
  expectNoToken(error, token);
  return error;
}

beforeAll(async () => {
  if (!sqlApi) return;
  dataDir = mkdtempSync(join(tmpdir(), 'bff-local-sql-api-'));
  await sqlApi.generateDemoData(dataDir, { scale: 0.01 });
  token = await sqlApi.createToken(dataDir, { org: 'demo', role: 'admin' });
  server = await sqlApi.startSqlApi({ dataDir, port: 0, rateLimitPerMinute: 0, timeoutMs: 300 });
  limitedServer = await sqlApi.startSqlApi({ dataDir, port: 0, rateLimitPerMinute: 1 });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await server?.close();
  await limitedServer?.close();
  if (dataDir !== '') rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(sqlApi === undefined)('SQL API client against the local SQL API', () => {
  it('reads ten conversations', async () => {
    const result = await clientFor(server).query('SELECT * FROM conversation LIMIT 10');

    expect(parseRows(result)).toHaveLength(10);
    expect(result.columns.length).toBeGreaterThan(0);
    for (const row of parseRows(result)) expect(row).toHaveLength(result.columns.length);
    expect(result.truncated).toBe(false);
    expect(result.executionTimeMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps a BIGINT above 2^53 and a DECIMAL(38,18) exact', async () => {
    const result = await clientFor(server).query(
      "SELECT 9007199254740993::BIGINT AS big, CAST('12345678901234567890.123456789012345678' AS DECIMAL(38,18)) AS amount",
    );

    expect(result.columns.map((column) => column.type)).toEqual(['BIGINT', 'DECIMAL(38,18)']);
    expect(parseRows(result)).toEqual([['9007199254740993', '12345678901234567890.123456789012345678']]);
  });

  it('reports truncation past 1000 rows', async () => {
    const result = await clientFor(server).query('SELECT * FROM range(1500)');

    expect(parseRows(result)).toHaveLength(1000);
    expect(result.truncated).toBe(true);
  });

  it('passes the engine message and position of bad SQL on', async () => {
    const error = await failure(clientFor(server).query('SELECT *\nFROM no_such_table'));

    expect(error.code).toBe('sql_error');
    expect(error.message).toContain('no_such_table');
    expect(error.position?.line).toBe(2);
  });

  it('maps the engine timeout to query_timeout', async () => {
    const error = await failure(clientFor(server).query('SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b'));

    expect(error.code).toBe('query_timeout');
  });

  it('maps a wrong token to upstream_unauthorized', async () => {
    const error = await failure(clientFor(server, { token: 'not-a-real-token-0000000000' }).query('SELECT 1'));

    expect(error.code).toBe('upstream_unauthorized');
  });

  it('maps an unknown organization to a message naming SQL_API_ORG_ID', async () => {
    const error = await failure(clientFor(server, { orgId: 'no-such-org' }).query('SELECT 1'));

    expect(['upstream_forbidden', 'upstream_not_found']).toContain(error.code);
    expect(error.message).toContain('SQL_API_ORG_ID');
  });

  it('maps the rate limit to upstream_rate_limited with its Retry-After', async () => {
    const client = clientFor(limitedServer);
    await client.query('SELECT 1');

    const error = await failure(client.query('SELECT 1'));

    expect(error.code).toBe('upstream_rate_limited');
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
  });
});
