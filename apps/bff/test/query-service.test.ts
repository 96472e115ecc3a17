import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRateBudget, type RateBudgetOptions } from '../src/budget/rate-budget.js';
import { AppError } from '../src/errors.js';
import { createQueryService, type QueryAttempt, type QueryServiceDeps } from '../src/query/query-service.js';
import { createSqlApiClient, type SqlApiClient } from '../src/upstream/sql-api-client.js';
import { type FaultServer, SMALL_RESULT, appErrorOf, sendJson, sendText, startFaultServer } from './support/fault-server.js';
import { parseRows } from '../src/upstream/success-body.js';

const TOKEN = 'test-token-service-2b7f90c4d1';
const START = Date.parse('2026-01-05T10:00:00Z');
const SQL = 'SELECT id, n FROM t';

let server: FaultServer;
let client: SqlApiClient;

beforeAll(async () => {
  server = await startFaultServer();
  client = createSqlApiClient({ baseUrl: server.url, orgId: 'demo', token: TOKEN, timeoutMs: 5_000, maxResponseBytes: 1_000_000 });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

afterEach(() => {
  server.requests.length = 0;
  server.handle((_request, response) => sendJson(response, 200, SMALL_RESULT));
});

/** Builds a query service on the fault server, with a clock the test moves by hand. */
function serviceWith(budgetOptions: Partial<RateBudgetOptions> = {}, deps: Partial<QueryServiceDeps> = {}) {
  const clock = { now: START };
  const now = () => clock.now;
  const attempts: QueryAttempt[] = [];
  // maxWaitMs 0: with a hand-moved clock, a request that would wait is rejected at once instead.
  const budget = createRateBudget({ sharedLimit: 6, perUserLimit: 6, windowMs: 60_000, maxWaitMs: 0, now, ...budgetOptions });
  const service = createQueryService({
    client,
    budget,
    cacheTtlMs: 60_000,
    maxSqlBytes: 1_000,
    recordAttempt: (attempt) => attempts.push(attempt),
    now,
    ...deps,
  });
  return { service, budget, clock, attempts };
}

describe('query service', () => {
  it('returns the rows and records the attempt', async () => {
    const { service, attempts, clock } = serviceWith();

    const response = await service.run({ id: 1 }, { sql: SQL });

    expect(response.columns).toEqual(SMALL_RESULT.columns);
    expect(parseRows(response)).toEqual(SMALL_RESULT.result);
    expect(response.rowCount).toBe(2);
    expect(response.truncated).toBe(false);
    expect(response.executionTimeMs).toBe(12);
    expect(response.fetchedAt).toBe(new Date(clock.now).toISOString());
    expect(response.cached).toBeNull();
    expect(response.budget.shared.remaining).toBe(5);
    expect(response.budget.user.remaining).toBe(5);
    expect(response.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(attempts).toEqual([
      { userId: 1, sql: SQL, startedAt: new Date(START), durationMs: 0, rowCount: 2, outcome: 'ok', errorCode: null },
    ]);
  });

  it('rejects SQL over the size limit before any other step', async () => {
    const { service, budget, attempts } = serviceWith({}, { maxSqlBytes: 20 });
    const sql = `DELETE FROM t WHERE name = '${'é'.repeat(20)}'`;

    const error = await appErrorOf(service.run({ id: 1 }, { sql }));

    expect(error.code).toBe('sql_too_large');
    expect(error.statusCode).toBe(413);
    expect(error.message).toContain(`${Buffer.byteLength(sql)} bytes`);
    expect(server.requests).toHaveLength(0);
    expect(budget.status(1).shared.remaining).toBe(6);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.outcome).toBe('refused');
    expect(attempts[0]?.errorCode).toBe('sql_too_large');
    expect(Buffer.byteLength(attempts[0]?.sql ?? '')).toBeLessThanOrEqual(20 + 3);
  });

  it('rejects a write without spending budget', async () => {
    const { service, budget, attempts } = serviceWith();

    const error = await appErrorOf(service.run({ id: 1 }, { sql: 'SELECT 1;\nDELETE FROM t' }));

    expect(error.code).toBe('not_read_only');
    expect(error.statusCode).toBe(400);
    expect(error.position?.line).toBe(2);
    expect(server.requests).toHaveLength(0);
    expect(budget.status(1).shared.remaining).toBe(6);
    expect(attempts.map((attempt) => [attempt.outcome, attempt.errorCode])).toEqual([['refused', 'not_read_only']]);
  });

  it('answers the same query from the cache for any user', async () => {
    const { service, clock, attempts } = serviceWith();
    const first = await service.run({ id: 1 }, { sql: SQL });
    clock.now += 5_000;

    const second = await service.run({ id: 2 }, { sql: 'SELECT id, n\n  FROM t -- same query\n;' });

    expect(server.requests).toHaveLength(1);
    expect(second.cached).toEqual({ ageSeconds: 5 });
    expect(parseRows(second)).toEqual(parseRows(first));
    expect(second.fetchedAt).toBe(first.fetchedAt);
    expect(second.runId).not.toBe(first.runId);
    expect(second.budget.user.remaining).toBe(6);
    expect(second.budget.shared.remaining).toBe(5);
    expect(attempts.map((attempt) => [attempt.userId, attempt.outcome, attempt.rowCount])).toEqual([
      [1, 'ok', 2],
      [2, 'cached', 2],
    ]);
  });

  it('runs the query again when fresh is set', async () => {
    const { service } = serviceWith();
    await service.run({ id: 1 }, { sql: SQL });

    const again = await service.run({ id: 1 }, { sql: SQL, fresh: true });

    expect(again.cached).toBeNull();
    expect(server.requests).toHaveLength(2);
  });

  it('runs the query again once the cached result is older than the TTL', async () => {
    const { service, clock } = serviceWith();
    await service.run({ id: 1 }, { sql: SQL });
    clock.now += 60_000;

    const again = await service.run({ id: 1 }, { sql: SQL });

    expect(again.cached).toBeNull();
    expect(server.requests).toHaveLength(2);
  });

  it('caches nothing when the TTL is 0', async () => {
    const { service } = serviceWith({}, { cacheTtlMs: 0 });
    await service.run({ id: 1 }, { sql: SQL });

    await service.run({ id: 1 }, { sql: SQL });

    expect(server.requests).toHaveLength(2);
  });

  it('pauses every call for the Retry-After of a 429 from the SQL API', async () => {
    const { service, budget, attempts } = serviceWith();
    server.handle((_request, response) => sendJson(response, 429, { error: { message: 'slow down' } }, { 'retry-after': '30' }));

    const error = await appErrorOf(service.run({ id: 1 }, { sql: SQL }));

    expect(error.code).toBe('upstream_rate_limited');
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.budget?.upstreamPausedForSeconds).toBe(30);
    expect(budget.status(2).upstreamPausedForSeconds).toBe(30);

    const next = await appErrorOf(service.run({ id: 2 }, { sql: 'SELECT 2' }));

    expect(next.code).toBe('upstream_rate_limited');
    expect(server.requests).toHaveLength(1);
    expect(attempts.map((attempt) => [attempt.outcome, attempt.errorCode])).toEqual([
      ['rate_limited', 'upstream_rate_limited'],
      ['rate_limited', 'upstream_rate_limited'],
    ]);
  });

  it('pauses 60 seconds when the 429 gives no Retry-After', async () => {
    const { service, budget } = serviceWith();
    server.handle((_request, response) => sendText(response, 429, 'text/plain', 'Too Many Requests'));

    const error = await appErrorOf(service.run({ id: 1 }, { sql: SQL }));

    expect(error.retryAfterSeconds).toBe(60);
    expect(budget.status(1).upstreamPausedForSeconds).toBe(60);
  });

  it('records a per-user rejection as rate_limited without calling the SQL API', async () => {
    const { service, attempts } = serviceWith({ perUserLimit: 1 });
    await service.run({ id: 1 }, { sql: SQL });

    const error = await appErrorOf(service.run({ id: 1 }, { sql: 'SELECT 2' }));

    expect(error.code).toBe('user_rate_limited');
    expect(error.retryAfterSeconds).toBe(60);
    expect(server.requests).toHaveLength(1);
    expect(attempts.map((attempt) => [attempt.outcome, attempt.errorCode])).toEqual([
      ['ok', null],
      ['rate_limited', 'user_rate_limited'],
    ]);
  });

  it('records engine errors as sql_error and other failures as upstream_error', async () => {
    const { service, attempts } = serviceWith();
    server.handle((_request, response) => sendJson(response, 400, { error: { message: 'Table t not found' } }));
    expect((await appErrorOf(service.run({ id: 1 }, { sql: SQL }))).code).toBe('sql_error');

    server.handle((_request, response) => sendJson(response, 408, { error: { code: 'query_timeout', message: 'Too slow.' } }));
    expect((await appErrorOf(service.run({ id: 1 }, { sql: 'SELECT 2' }))).code).toBe('query_timeout');

    server.handle((_request, response) => sendText(response, 503, 'text/html', '<html>down</html>'));
    expect((await appErrorOf(service.run({ id: 1 }, { sql: 'SELECT 3' }))).code).toBe('upstream_server_error');

    expect(attempts.map((attempt) => [attempt.outcome, attempt.errorCode, attempt.rowCount])).toEqual([
      ['sql_error', 'sql_error', null],
      ['sql_error', 'query_timeout', null],
      ['upstream_error', 'upstream_server_error', null],
    ]);
  });

  it('caches no failed query', async () => {
    const { service } = serviceWith();
    server.handle((_request, response) => sendText(response, 503, 'text/html', '<html>down</html>'));
    await appErrorOf(service.run({ id: 1 }, { sql: SQL }));
    server.handle((_request, response) => sendJson(response, 200, SMALL_RESULT));

    const response = await service.run({ id: 1 }, { sql: SQL });

    expect(response.cached).toBeNull();
    expect(server.requests).toHaveLength(2);
  });

  it('records a query whose request went away as cancelled', async () => {
    const { service, attempts } = serviceWith();
    server.handle(() => {
      // Never responds, so only the abort ends the call.
    });
    const controller = new AbortController();
    const reason = new Error('the browser closed the connection');
    setTimeout(() => controller.abort(reason), 50);

    await expect(service.run({ id: 1 }, { sql: SQL }, controller.signal)).rejects.toBe(reason);
    expect(attempts.map((attempt) => [attempt.outcome, attempt.errorCode])).toEqual([['upstream_error', 'cancelled']]);
  });

  it('keeps a run for its user for 15 minutes', async () => {
    const { service, clock } = serviceWith();
    const response = await service.run({ id: 1 }, { sql: SQL });

    const stored = service.getRun(response.runId, 1);
    if (stored === undefined) throw new Error('expected the run to be kept');
    expect(stored.sql).toBe(SQL);
    expect(stored.userId).toBe(1);
    expect(parseRows(stored.result)).toEqual(SMALL_RESULT.result);
    expect(stored.fetchedAt.toISOString()).toBe(response.fetchedAt);
    expect(service.getRun(response.runId, 2)).toBeUndefined();
    expect(service.getRun('no-such-run', 1)).toBeUndefined();

    clock.now += 15 * 60_000 - 1;
    expect(service.getRun(response.runId, 1)).toBeDefined();
    clock.now += 1;
    expect(service.getRun(response.runId, 1)).toBeUndefined();
  });

  it('keeps the runs of cached answers too', async () => {
    const { service } = serviceWith();
    await service.run({ id: 1 }, { sql: SQL });

    const cached = await service.run({ id: 2 }, { sql: SQL });

    expect(cached.cached).not.toBeNull();
    const kept = service.getRun(cached.runId, 2);
    if (kept === undefined) throw new Error('expected the cached run to be kept');
    expect(parseRows(kept.result)).toEqual(SMALL_RESULT.result);
  });

  it('reports the budget of a user', async () => {
    const { service } = serviceWith({ perUserLimit: 3 });
    await service.run({ id: 1 }, { sql: SQL });

    expect(service.budgetStatus(1)).toEqual({
      user: { limit: 3, remaining: 2, resetInSeconds: 0, windowSeconds: 60 },
      shared: { limit: 6, remaining: 5, resetInSeconds: 0, windowSeconds: 60 },
      upstreamPausedForSeconds: 0,
    });
  });
});

describe('query service under parallel users', () => {
  it('never lets the SQL API see more than the budget', async () => {
    const windowMs = 1_000;
    const sharedLimit = 4;
    const service = createQueryService({
      client,
      budget: createRateBudget({ sharedLimit, perUserLimit: 4, windowMs, maxWaitMs: 1_500 }),
      cacheTtlMs: 60_000,
      maxSqlBytes: 1_000,
      recordAttempt: () => undefined,
    });
    const userIds = [1, 2, 3, 4, 5, 6, 7, 8];
    const answered = new Map<number, number>();

    // Each user runs two different queries, and waits its Retry-After after a 429.
    await Promise.all(
      userIds.map(async (userId) => {
        for (const query of [1, 2]) {
          for (;;) {
            try {
              await service.run({ id: userId }, { sql: `SELECT ${userId * 10 + query}` });
              answered.set(userId, (answered.get(userId) ?? 0) + 1);
              break;
            } catch (error) {
              if (!(error instanceof AppError) || error.statusCode !== 429) throw error;
              await new Promise((resolve) => setTimeout(resolve, (error.retryAfterSeconds ?? 1) * 1000));
            }
          }
        }
      }),
    );

    expect(server.requests).toHaveLength(16);
    expect(userIds.map((userId) => answered.get(userId))).toEqual(userIds.map(() => 2));
    // Calls arrive a few milliseconds after their grant, so the check allows 200 ms of that delay.
    const arrivals = server.requests.map((request) => request.receivedAt).sort((a, b) => a - b);
    for (const [index, arrival] of arrivals.entries()) {
      const inWindow = arrivals.slice(index).filter((time) => time - arrival < windowMs - 200);
      expect(inWindow.length).toBeLessThanOrEqual(sharedLimit);
    }
  }, 20_000);
});
