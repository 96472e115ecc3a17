import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { addUser, asUser, type Harness, signIn } from './support/bff-harness.js';
import { type Stack, startStack } from './support/local-sql-api.js';

const PASSWORD = 'correct horse battery';
let stack: Stack;
let harness: Harness;
let alice: ReturnType<typeof asUser>;
let bob: ReturnType<typeof asUser>;
const responses: LightMyRequestResponse[] = [];

async function call(as: ReturnType<typeof asUser>, method: Parameters<ReturnType<typeof asUser>>[0], url: string, payload?: object) {
  const response = await as(method, url, payload);
  responses.push(response);
  return response;
}

beforeAll(async () => {
  stack = await startStack({ BUDGET_LIMIT: '2', USER_LIMIT: '100', QUEUE_MAX_WAIT_SECONDS: '0', MAX_SQL_KB: '4' });
  harness = stack.harness;
  await addUser(harness, 'alice', PASSWORD, 'admin');
  await addUser(harness, 'bob', PASSWORD);
  alice = asUser(harness.app, await signIn(harness.app, 'alice', PASSWORD));
  bob = asUser(harness.app, await signIn(harness.app, 'bob', PASSWORD));
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

describe('POST /api/query', () => {
  it('returns rows, columns and the budget from the SQL API', async () => {
    const response = await call(alice, 'POST', '/api/query', { sql: 'SELECT * FROM conversation LIMIT 10' });

    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.rows).toHaveLength(10);
    expect(body.rowCount).toBe(10);
    expect(body.truncated).toBe(false);
    expect(body.columns.length).toBeGreaterThan(1);
    expect(body.runId).toEqual(expect.any(String));
    expect(body.cached).toBeNull();
    expect(body.budget.shared.limit).toBe(2);
  });

  it('answers a repeated query from the cache', async () => {
    const response = await call(alice, 'POST', '/api/query', { sql: 'SELECT  *  FROM conversation LIMIT 10' });

    expect(response.statusCode).toBe(200);
    expect(response.json().cached).toEqual({ ageSeconds: expect.any(Number) });
  });

  it('rejects a write with not_read_only before any call', async () => {
    const response = await call(alice, 'POST', '/api/query', { sql: 'DELETE FROM conversation' });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('not_read_only');
    expect(response.json().error.position).toMatchObject({ line: 1, column: 1 });
  });

  it('rejects SQL over MAX_SQL_KB with sql_too_large', async () => {
    const response = await call(alice, 'POST', '/api/query', { sql: `SELECT '${'x'.repeat(5000)}'` });

    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('sql_too_large');
    expect(response.json().error.message).toContain('4096-byte limit');
  });

  it('rejects a body over the body limit with payload_too_large', async () => {
    const response = await call(alice, 'POST', '/api/query', { sql: `SELECT '${'x'.repeat(300 * 1024)}'` });

    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
    expect(response.json().error.message).toContain('262144 bytes');
  });

  it('rejects a body without sql', async () => {
    const response = await call(alice, 'POST', '/api/query', { query: 'SELECT 1' });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
    expect(response.json().error.message).toContain('sql');
  });

  it('requires sign-in', async () => {
    const response = await harness.app.inject({ method: 'POST', url: '/api/query', payload: { sql: 'SELECT 1' } });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /api/schema', () => {
  it('lists the demo tables and then serves them from memory', async () => {
    const first = await call(bob, 'GET', '/api/schema?refresh=1');
    expect(first.statusCode).toBe(200);
    const conversation = first.json().tables.find((table: { name: string }) => table.name === 'conversation');
    expect(conversation.columns.map((column: { name: string }) => column.name)).toContain('id');
    expect(first.json().cached).toBe(false);

    const second = await call(alice, 'GET', '/api/schema');
    expect(second.json().cached).toBe(true);
    expect(second.json().tables).toEqual(first.json().tables);
  });
});

describe('rate budget', () => {
  it('refuses past the shared budget with 429 and Retry-After', async () => {
    // The query and schema calls above spent the shared budget of 2.
    const response = await call(bob, 'POST', '/api/query', { sql: 'SELECT 42 AS answer' });

    expect(response.statusCode).toBe(429);
    expect(response.json().error.code).toBe('budget_exhausted');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('is reported by GET /api/budget', async () => {
    const response = await call(bob, 'GET', '/api/budget');

    expect(response.statusCode).toBe(200);
    expect(response.json().shared).toMatchObject({ limit: 2, remaining: 0 });
  });
});

describe('history and audit of queries', () => {
  it('records each attempt with its outcome', async () => {
    const history = await call(alice, 'GET', '/api/history');
    const outcomes = history.json().entries.map((entry: { outcome: string }) => entry.outcome);

    expect(outcomes).toContain('ok');
    expect(outcomes).toContain('cached');
    expect(outcomes).toContain('refused');
  });

  it('shows the rate-limited attempt of another user to admins', async () => {
    const audit = await call(alice, 'GET', '/api/audit?user=bob&outcome=rate_limited');

    expect(audit.statusCode).toBe(200);
    expect(audit.json().entries[0]).toMatchObject({ sql: 'SELECT 42 AS answer', errorCode: 'budget_exhausted' });
  });
});

describe('the SQL API token', () => {
  it('appears in no response and no log line', () => {
    expect(responses.length).toBeGreaterThan(10);
    for (const response of responses) {
      expect(response.body).not.toContain(stack.sqlApi.token);
      expect(JSON.stringify(response.headers)).not.toContain(stack.sqlApi.token);
    }
    expect(harness.logLines.length).toBeGreaterThan(10);
    for (const line of harness.logLines) expect(line).not.toContain(stack.sqlApi.token);
  });
});
