import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createToken, generateDemoData, startSqlApi, type RunningSqlApi } from '@console/sql-api';
import type { Env } from '../../src/config.js';
import { type Harness, startHarness } from './bff-harness.js';

export interface LocalSqlApi {
  api: RunningSqlApi;
  url: string;
  token: string;
  /** Stops the server; safe to call twice. */
  stop(): Promise<void>;
  /** Stops the server and removes its data. */
  dispose(): Promise<void>;
}

/**
 * Starts our DuckDB SQL API on 127.0.0.1 with a small demo data set and a
 * service token for organization `demo`.
 */
export async function startLocalSqlApi(options: { rateLimitPerMinute?: number } = {}): Promise<LocalSqlApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bff-sql-api-'));
  await generateDemoData(dataDir, { scale: 0.01 });
  const token = await createToken(dataDir, { org: 'demo', role: 'service', name: 'bff-tests' });
  const api = await startSqlApi({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await api.close();
  };
  return {
    api,
    url: api.url,
    token,
    stop,
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Stack {
  sqlApi: LocalSqlApi;
  harness: Harness;
  close(): Promise<void>;
}

/** Starts a local SQL API and a BFF that uses it with the real query service. */
export async function startStack(env: Env = {}): Promise<Stack> {
  const sqlApi = await startLocalSqlApi();
  const harness = await startHarness({ env: { SQL_API_BASE_URL: sqlApi.url, SQL_API_TOKEN: sqlApi.token, ...env } });
  return {
    sqlApi,
    harness,
    async close() {
      await harness.close();
      await sqlApi.dispose();
    },
  };
}
