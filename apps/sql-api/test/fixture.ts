import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';
import { createToken, startSqlApi, type SqlApiOptions } from '../src/index.js';
import { orgDatabasePath, orgsDirectory } from '../src/data-dir.js';

/** Two small organizations, `alpha` and `beta`, and tokens for each case. */
export interface Fixture {
  dataDir: string;
  tokens: {
    alphaAdmin: string;
    alphaService: string;
    alphaAnalyst: string;
    betaAdmin: string;
    /** Belongs to organization `gamma`, which has no database file. */
    gammaAdmin: string;
  };
  remove(): Promise<void>;
}

const ALPHA_SQL = `
CREATE TABLE item (id BIGINT, name VARCHAR, price DECIMAL(38,9), created_at TIMESTAMP);
INSERT INTO item VALUES
  (9007199254740993, 'first, "quoted"', 12.345000000, TIMESTAMP '2025-01-20 12:34:56.123456'),
  (2, NULL, NULL, NULL),
  (3, '', 0.000000001, TIMESTAMP '1969-12-31 23:59:59.999999');
CREATE TABLE numbers AS SELECT range::INTEGER AS n FROM range(2500);
`;

const BETA_SQL = `
CREATE TABLE secret (id INTEGER, note VARCHAR);
INSERT INTO secret VALUES (1, 'beta only');
CREATE TABLE item (id BIGINT, name VARCHAR);
INSERT INTO item VALUES (42, 'beta item');
`;

export async function createFixture(): Promise<Fixture> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sql-api-test-'));
  await mkdir(orgsDirectory(dataDir), { recursive: true });
  await writeDatabase(orgDatabasePath(dataDir, 'alpha'), ALPHA_SQL);
  await writeDatabase(orgDatabasePath(dataDir, 'beta'), BETA_SQL);

  const tokens = {
    alphaAdmin: await createToken(dataDir, { org: 'alpha', role: 'admin', name: 'alpha admin' }),
    alphaService: await createToken(dataDir, { org: 'alpha', role: 'service' }),
    alphaAnalyst: await createToken(dataDir, { org: 'alpha', role: 'analyst' }),
    betaAdmin: await createToken(dataDir, { org: 'beta', role: 'admin' }),
    gammaAdmin: await createToken(dataDir, { org: 'gamma', role: 'admin' }),
  };

  return { dataDir, tokens, remove: () => rm(dataDir, { recursive: true, force: true }) };
}

export async function writeDatabase(filePath: string, sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(filePath);
  const connection = await instance.connect();
  await connection.run(sql);
  await connection.run('CHECKPOINT');
  connection.closeSync();
  instance.closeSync();
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
  /** Posts a query body (default async_query false) and returns status, headers and parsed JSON. */
  query(token: string | undefined, orgId: string, body: unknown): Promise<ApiResponse>;
  sql(token: string, orgId: string, sqlQuery: string): Promise<ApiResponse>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function startTestServer(dataDir: string, options: Partial<SqlApiOptions> = {}): Promise<TestServer> {
  const server = await startSqlApi({ dataDir, host: '127.0.0.1', port: 0, rateLimitPerMinute: 0, ...options });

  const query = async (token: string | undefined, orgId: string, body: unknown): Promise<ApiResponse> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${server.url}/v1/${orgId}/admin/sql_query`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  };

  return {
    url: server.url,
    close: server.close,
    query,
    sql: (token, orgId, sqlQuery) => query(token, orgId, { sql_query: sqlQuery, async_query: false }),
  };
}

/** Reads the `error` member of an error body. */
export function errorOf(response: ApiResponse): { code: string; message: string; position?: { line: number; column: number }; retry_after_seconds?: number } {
  return response.body.error as { code: string; message: string; position?: { line: number; column: number }; retry_after_seconds?: number };
}

export interface FixtureContext {
  fixture: Fixture;
  server: TestServer;
}

/**
 * Registers hooks that create the fixture and a server on it before the
 * file's tests and remove both after them. The returned object is filled in
 * by the time the first test runs.
 */
export function useFixtureServer(options: Partial<SqlApiOptions> = {}): FixtureContext {
  const context = {} as FixtureContext;
  beforeAll(async () => {
    context.fixture = await createFixture();
    context.server = await startTestServer(context.fixture.dataDir, options);
  });
  afterAll(async () => {
    await context.server.close();
    await context.fixture.remove();
  });
  return context;
}
