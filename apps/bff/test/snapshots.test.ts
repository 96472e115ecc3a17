import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, asUser, type Harness, signIn } from './support/bff-harness.js';
import { type Stack, startStack } from './support/local-sql-api.js';

const PASSWORD = 'correct horse battery';
const DAY_MS = 86_400_000;
let stack: Stack;
let harness: Harness;
let alice: ReturnType<typeof asUser>;
let bob: ReturnType<typeof asUser>;
let runId: string;
let sharedId: string;

beforeAll(async () => {
  stack = await startStack({ SNAPSHOT_TTL_DAYS: '7', BUDGET_LIMIT: '50', USER_LIMIT: '50' });
  harness = stack.harness;
  await addUser(harness, 'alice', PASSWORD);
  await addUser(harness, 'bob', PASSWORD);
  alice = asUser(harness.app, await signIn(harness.app, 'alice', PASSWORD));
  bob = asUser(harness.app, await signIn(harness.app, 'bob', PASSWORD));

  const run = await alice('POST', '/api/query', { sql: 'SELECT id, title FROM conversation ORDER BY id LIMIT 5' });
  expect(run.statusCode).toBe(200);
  runId = run.json().runId;
  const saved = await alice('POST', '/api/saved-queries', {
    title: 'First conversations',
    sql: 'SELECT id, title FROM conversation ORDER BY id LIMIT 5',
    visibility: 'shared',
  });
  sharedId = saved.json().id;
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

describe('snapshots', () => {
  it('cannot be attached by someone other than the owner', async () => {
    const response = await bob('PUT', `/api/saved-queries/${sharedId}/snapshot`, { runId });
    expect(response.statusCode).toBe(403);
  });

  it('need a run the caller still has', async () => {
    const response = await alice('PUT', `/api/saved-queries/${sharedId}/snapshot`, { runId: 'no-such-run' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain('Run the query again');
  });

  it('copy the rows of a recent run', async () => {
    const response = await alice('PUT', `/api/saved-queries/${sharedId}/snapshot`, { runId });

    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail.hasSnapshot).toBe(true);
    expect(detail.snapshot.rows).toHaveLength(5);
    expect(detail.snapshot.rowCount).toBe(5);
    expect(detail.snapshot.columns.map((column: { name: string }) => column.name)).toEqual(['id', 'title']);
    expect(Date.parse(detail.snapshot.expiresAt) - harness.clock.now()).toBe(7 * DAY_MS);
  });

  it('are read by another user without the SQL API', async () => {
    await stack.sqlApi.stop();
    const response = await bob('GET', `/api/saved-queries/${sharedId}`);

    expect(response.statusCode).toBe(200);
    expect(response.json().snapshot.rows).toHaveLength(5);
    expect(response.json().snapshot.fetchedAt).toEqual(expect.any(String));
    const list = await bob('GET', '/api/saved-queries');
    expect(list.json().queries[0].hasSnapshot).toBe(true);
  });

  it('expire after SNAPSHOT_TTL_DAYS and are deleted on read', async () => {
    harness.clock.advance(7 * DAY_MS + 1000);
    const freshBob = asUser(harness.app, await signIn(harness.app, 'bob', PASSWORD));
    const response = await freshBob('GET', `/api/saved-queries/${sharedId}`);

    expect(response.statusCode).toBe(200);
    expect(response.json().snapshot).toBeNull();
    expect(response.json().hasSnapshot).toBe(false);
    const rows = harness.db.prepare('SELECT count(*) AS total FROM snapshots').get() as { total: number };
    expect(rows.total).toBe(0);
  });
});
