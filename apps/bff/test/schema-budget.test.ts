import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, asUser, signIn } from './support/bff-harness.js';
import { type Stack, startStack } from './support/local-sql-api.js';

const PASSWORD = 'correct horse battery';
let stack: Stack;
let carol: ReturnType<typeof asUser>;

beforeAll(async () => {
  stack = await startStack({ BUDGET_LIMIT: '10', USER_LIMIT: '2', QUEUE_MAX_WAIT_SECONDS: '0' });
  await addUser(stack.harness, 'carol', PASSWORD);
  carol = asUser(stack.harness.app, await signIn(stack.harness.app, 'carol', PASSWORD));
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

describe('schema loads', () => {
  it('spend the shared budget, not the caller\'s own', async () => {
    const before = (await carol('GET', '/api/budget')).json();
    const schema = await carol('GET', '/api/schema?refresh=1');
    const after = (await carol('GET', '/api/budget')).json();

    expect(schema.statusCode).toBe(200);
    expect(before.user.remaining).toBe(2);
    expect(after.user.remaining).toBe(2);
    expect(after.shared.remaining).toBe(before.shared.remaining - 1);
  });

  it('leave the caller\'s whole limit for queries', async () => {
    await carol('GET', '/api/schema?refresh=1');
    const first = await carol('POST', '/api/query', { sql: 'SELECT 1 AS one' });
    const second = await carol('POST', '/api/query', { sql: 'SELECT 2 AS two' });
    const third = await carol('POST', '/api/query', { sql: 'SELECT 3 AS three' });

    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('user_rate_limited');
  });
});
