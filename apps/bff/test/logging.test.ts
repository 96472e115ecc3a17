import { afterEach, describe, expect, it } from 'vitest';
import type { QueryService } from '../src/query/query-service.js';
import { addUser, asUser, type Harness, signIn, startHarness, TEST_SESSION_SECRET, TEST_TOKEN } from './support/bff-harness.js';
import { startLocalSqlApi } from './support/local-sql-api.js';
import { unusedQueryService } from './support/unused-query-service.js';

const PASSWORD = 'correct horse battery';
let harness: Harness;

afterEach(async () => {
  await harness.close();
});

/** A query service with a bug that puts the token into an exception. */
const leakyQueryService: QueryService = {
  ...unusedQueryService,
  run() {
    throw new Error(`request to upstream failed with Authorization: Bearer ${TEST_TOKEN}`);
  },
};

describe('log lines', () => {
  it('are JSON with level, time and message', async () => {
    harness = await startHarness({ queryService: unusedQueryService });
    await harness.app.inject({ method: 'GET', url: '/healthz' });

    expect(harness.logLines.length).toBeGreaterThan(0);
    for (const line of harness.logLines) {
      const entry = JSON.parse(line);
      expect(entry.level).toEqual(expect.any(Number));
      expect(entry.time).toEqual(expect.any(Number));
      expect(entry.msg).toEqual(expect.any(String));
    }
  });

  it('have one line per request', async () => {
    harness = await startHarness({ queryService: unusedQueryService });
    await addUser(harness, 'alice', PASSWORD);
    const session = await signIn(harness.app, 'alice', PASSWORD);
    harness.logLines.length = 0;
    await asUser(harness.app, session)('GET', '/api/session');
    await harness.app.inject({ method: 'GET', url: '/api/session' });

    const all = harness.logLines.map((line) => JSON.parse(line));
    expect(all.filter((entry) => entry.msg === 'incoming request')).toEqual([]);
    const entries = all.filter((entry) => entry.msg === 'request completed');
    expect(entries).toHaveLength(2);
    expect(all.filter((entry) => entry.msg === 'request rejected')).toHaveLength(1);
    expect(entries[0].req.method).toBe('GET');
    expect(entries[0].req.url).toBe('/api/session');
    expect(entries[0].req.remoteAddress).toBe('127.0.0.1');
    expect(entries[0].res.statusCode).toBe(200);
    expect(entries[0].userId).toEqual(expect.any(Number));
    expect(entries[0].responseTime).toEqual(expect.any(Number));
    expect(entries[1].res.statusCode).toBe(401);
    expect(entries[1].userId).toBeUndefined();
  });

  it('come with no deprecation warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      harness = await startHarness({ queryService: unusedQueryService });
      await harness.app.inject({ method: 'GET', url: '/healthz' });
      // Process warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((warning) => warning.includes('Deprecation'))).toEqual([]);
  });

  it('contain no password, cookie or CSRF token', async () => {
    harness = await startHarness({ queryService: unusedQueryService, env: { LOG_LEVEL: 'trace' } });
    await addUser(harness, 'alice', PASSWORD);
    const session = await signIn(harness.app, 'alice', PASSWORD);
    await asUser(harness.app, session)('GET', '/api/session');
    await asUser(harness.app, session)('DELETE', '/api/session');
    const cookieValue = session.cookie.split('=')[1] ?? '';

    const text = harness.logLines.join('\n');
    expect(text).toContain('signed in');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(cookieValue);
    expect(text).not.toContain(session.csrfToken);
    expect(text).not.toContain(TEST_SESSION_SECRET);
  });

  it('replace the token inside an unexpected error', async () => {
    harness = await startHarness({ queryService: leakyQueryService });
    await addUser(harness, 'alice', PASSWORD);
    const session = await signIn(harness.app, 'alice', PASSWORD);
    const response = await asUser(harness.app, session)('POST', '/api/query', { sql: 'SELECT 1' });

    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('internal_error');
    expect(response.body).not.toContain(TEST_TOKEN);
    const failure = harness.logLines.find((line) => line.includes('request failed'));
    expect(failure).toContain('Bearer [redacted]');
    for (const line of harness.logLines) expect(line).not.toContain(TEST_TOKEN);
  });
});

describe('upstream failures', () => {
  it('keep a rejected token out of responses and logs', async () => {
    const sqlApi = await startLocalSqlApi();
    const wrongToken = 'sqlapi-wrong-token-7d0e5b1c9a3f';
    try {
      harness = await startHarness({ env: { SQL_API_BASE_URL: sqlApi.url, SQL_API_TOKEN: wrongToken } });
      await addUser(harness, 'alice', PASSWORD);
      const session = await signIn(harness.app, 'alice', PASSWORD);
      const response = await asUser(harness.app, session)('POST', '/api/query', { sql: 'SELECT 1' });

      expect(response.statusCode).toBe(502);
      expect(response.json().error.code).toBe('upstream_unauthorized');
      expect(response.body).not.toContain(wrongToken);
      for (const line of harness.logLines) expect(line).not.toContain(wrongToken);
    } finally {
      await sqlApi.dispose();
    }
  });

  it('keep the token out of an unreachable-upstream error', async () => {
    harness = await startHarness({ env: { SQL_API_BASE_URL: 'http://127.0.0.1:9' } });
    await addUser(harness, 'alice', PASSWORD);
    const session = await signIn(harness.app, 'alice', PASSWORD);
    const response = await asUser(harness.app, session)('POST', '/api/query', { sql: 'SELECT 1' });

    expect(response.statusCode).toBe(502);
    expect(response.json().error.code).toBe('upstream_unreachable');
    expect(response.body).not.toContain(TEST_TOKEN);
    for (const line of harness.logLines) expect(line).not.toContain(TEST_TOKEN);
  });
});
