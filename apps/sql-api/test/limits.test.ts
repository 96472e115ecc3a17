import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, resolveOptions } from '../src/options.js';
import { createFixture, errorOf, startTestServer, type Fixture, type TestServer } from './fixture.js';

let fixture: Fixture;

beforeAll(async () => {
  fixture = await createFixture();
});

afterAll(async () => {
  await fixture.remove();
});

describe('defaults', () => {
  it('match the contract limits', () => {
    const resolved = resolveOptions({ dataDir: '/data' });

    expect(resolved.maxRows).toBe(1000);
    expect(resolved.timeoutMs).toBe(30_000);
    expect(resolved.rateLimitPerMinute).toBe(6);
    expect(resolved.host).toBe('127.0.0.1');
    expect(resolved.port).toBe(DEFAULTS.port);
  });

  it('reject a negative row limit', () => {
    expect(() => resolveOptions({ dataDir: '/data', maxRows: -1 })).toThrow('Invalid max rows: -1');
  });
});

describe('row limit', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(fixture.dataDir);
  });

  afterAll(async () => {
    await server.close();
  });

  it('truncates at 1000 rows', async () => {
    const response = await server.sql(fixture.tokens.alphaAdmin, 'alpha', 'SELECT n FROM numbers ORDER BY n');
    const rows = response.body.result as number[][];

    expect(response.status).toBe(200);
    expect(response.body.truncated).toBe(true);
    expect(rows).toHaveLength(1000);
    expect(rows[0]).toEqual([0]);
    expect(rows[999]).toEqual([999]);
  });

  it('does not flag exactly 1000 rows as truncated', async () => {
    const response = await server.sql(fixture.tokens.alphaAdmin, 'alpha', 'SELECT n FROM numbers LIMIT 1000');

    expect(response.body.truncated).toBe(false);
    expect(response.body.result).toHaveLength(1000);
  });

  it('streams a huge result without materializing it', async () => {
    const startedAt = Date.now();
    const response = await server.sql(fixture.tokens.alphaAdmin, 'alpha', 'SELECT range AS n, repeat(\'x\', 100) AS padding FROM range(10000000000)');

    expect(response.status).toBe(200);
    expect(response.body.truncated).toBe(true);
    expect(response.body.result).toHaveLength(1000);
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });

  it('reports success fields exactly as the contract names them', async () => {
    const response = await server.sql(fixture.tokens.alphaAdmin, 'alpha', 'SELECT 1 AS one');

    expect(Object.keys(response.body).sort()).toEqual(['columns', 'execution_time_ms', 'result', 'truncated']);
    expect(Number.isInteger(response.body.execution_time_ms)).toBe(true);
  });
});

describe('configured row limit', () => {
  it('truncates at the configured number of rows', async () => {
    const server = await startTestServer(fixture.dataDir, { maxRows: 5 });
    try {
      const response = await server.sql(fixture.tokens.alphaAdmin, 'alpha', 'SELECT n FROM numbers ORDER BY n');

      expect(response.body.result).toEqual([[0], [1], [2], [3], [4]]);
      expect(response.body.truncated).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('time limit', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(fixture.dataDir, { timeoutMs: 500 });
  });

  afterAll(async () => {
    await server.close();
  });

  it('interrupts a long query in the engine', async () => {
    const startedAt = Date.now();
    const response = await server.sql(
      fixture.tokens.alphaAdmin,
      'alpha',
      'SELECT count(*) FROM range(100000000) a, range(100000) b WHERE a.range + b.range = -1',
    );
    const elapsedMs = Date.now() - startedAt;

    expect(response.status).toBe(408);
    expect(errorOf(response).code).toBe('query_timeout');
    expect(errorOf(response).message).toContain('0.5 s');
    expect(elapsedMs).toBeLessThan(5_000);

    // An abandoned query would keep DuckDB's threads busy; an interrupted
    // one leaves this process almost idle.
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(500);
  });

  it('keeps serving after an interrupted query', async () => {
    const response = await server.sql(fixture.tokens.alphaAdmin, 'alpha', 'SELECT 42 AS answer');

    expect(response.status).toBe(200);
    expect(response.body.result).toEqual([[42]]);
  });
});

describe('stopping', () => {
  it('interrupts a running query when the server closes', async () => {
    const server = await startTestServer(fixture.dataDir, { timeoutMs: 60_000 });
    const pending = server.sql(
      fixture.tokens.alphaAdmin,
      'alpha',
      'SELECT count(*) FROM range(100000000) a, range(100000) b WHERE a.range + b.range = -1',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    const startedAt = Date.now();
    await server.close();
    const response = await pending;

    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(response.status).toBe(503);
    expect(errorOf(response).code).toBe('query_cancelled');
  });
});
