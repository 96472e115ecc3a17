import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, asUser, type Harness, type SignedIn, signIn, startHarness } from './support/bff-harness.js';
import { unusedQueryService } from './support/unused-query-service.js';

const PASSWORD = 'correct horse battery';
let harness: Harness;
let alice: ReturnType<typeof asUser>;
let bob: ReturnType<typeof asUser>;
let aliceSession: SignedIn;

beforeEach(async () => {
  harness = await startHarness({ queryService: unusedQueryService, env: { MAX_SQL_KB: '1' } });
  await addUser(harness, 'alice', PASSWORD);
  await addUser(harness, 'bob', PASSWORD);
  aliceSession = await signIn(harness.app, 'alice', PASSWORD);
  alice = asUser(harness.app, aliceSession);
  bob = asUser(harness.app, await signIn(harness.app, 'bob', PASSWORD));
});

afterEach(async () => {
  await harness.close();
});

async function save(visibility: 'private' | 'shared', title = 'Daily signups') {
  const response = await alice('POST', '/api/saved-queries', {
    title,
    description: 'Signups per day',
    sql: 'SELECT 1',
    visibility,
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>();
}

describe('saved queries', () => {
  it('are created with an unguessable id and read back by the owner', async () => {
    const created = await save('private');
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const response = await alice('GET', `/api/saved-queries/${created.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: created.id,
      title: 'Daily signups',
      description: 'Signups per day',
      sql: 'SELECT 1',
      visibility: 'private',
      owner: { username: 'alice' },
      hasSnapshot: false,
      snapshot: null,
    });
  });

  it('answer others 404 while private', async () => {
    const created = await save('private');
    const hidden = await bob('GET', `/api/saved-queries/${created.id}`);
    const unknown = await bob('GET', '/api/saved-queries/AAAAAAAAAAAAAAAAAAAAAA');

    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(unknown.json());
    expect(hidden.json().error.code).toBe('not_found');
    const list = await bob('GET', '/api/saved-queries');
    expect(list.json().queries).toEqual([]);
  });

  it('can be read and listed by others once shared', async () => {
    const created = await save('shared');
    const response = await bob('GET', `/api/saved-queries/${created.id}`);

    expect(response.statusCode).toBe(200);
    expect(response.json().sql).toBe('SELECT 1');
    const list = await bob('GET', '/api/saved-queries');
    expect(list.json().queries.map((query: { id: string }) => query.id)).toEqual([created.id]);
  });

  it('stop opening for others when unshared', async () => {
    const created = await save('shared');
    const patched = await alice('PATCH', `/api/saved-queries/${created.id}`, { visibility: 'private' });
    expect(patched.statusCode).toBe(200);

    expect((await bob('GET', `/api/saved-queries/${created.id}`)).statusCode).toBe(404);
    expect((await alice('GET', `/api/saved-queries/${created.id}`)).statusCode).toBe(200);
  });

  it('stop opening for everyone when deleted', async () => {
    const created = await save('shared');
    expect((await alice('DELETE', `/api/saved-queries/${created.id}`)).statusCode).toBe(204);

    expect((await bob('GET', `/api/saved-queries/${created.id}`)).statusCode).toBe(404);
    expect((await alice('GET', `/api/saved-queries/${created.id}`)).statusCode).toBe(404);
  });

  it('can be changed and deleted only by the owner', async () => {
    const created = await save('shared');
    const edit = await bob('PATCH', `/api/saved-queries/${created.id}`, { sql: 'SELECT 2' });
    const remove = await bob('DELETE', `/api/saved-queries/${created.id}`);

    expect(edit.statusCode).toBe(403);
    expect(edit.json().error.code).toBe('forbidden');
    expect(remove.statusCode).toBe(403);
    expect((await alice('GET', `/api/saved-queries/${created.id}`)).json().sql).toBe('SELECT 1');
  });

  it('answer 404 when someone else edits a private one', async () => {
    const created = await save('private');
    const edit = await bob('PATCH', `/api/saved-queries/${created.id}`, { sql: 'SELECT 2' });
    expect(edit.statusCode).toBe(404);
  });

  it('are renamed and edited by PATCH', async () => {
    const created = await save('private');
    harness.clock.advance(1000);
    const response = await alice('PATCH', `/api/saved-queries/${created.id}`, { title: '  Weekly signups ', sql: 'SELECT 7' });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ title: 'Weekly signups', sql: 'SELECT 7', description: 'Signups per day' });
    expect(response.json().updatedAt > response.json().createdAt).toBe(true);
  });

  it('reject an empty title', async () => {
    const response = await alice('POST', '/api/saved-queries', { title: '   ', sql: 'SELECT 1' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
  });

  it('reject SQL longer than MAX_SQL_KB', async () => {
    const response = await alice('POST', '/api/saved-queries', { title: 'Long', sql: `SELECT '${'x'.repeat(1100)}'` });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('sql_too_large');
  });

  it('are duplicated as a private copy of the caller', async () => {
    const created = await save('shared');
    const response = await bob('POST', `/api/saved-queries/${created.id}/duplicate`);

    expect(response.statusCode).toBe(201);
    const copy = response.json();
    expect(copy.id).not.toBe(created.id);
    expect(copy).toMatchObject({ title: 'Daily signups (copy)', visibility: 'private', owner: { username: 'bob' } });
    expect((await alice('GET', `/api/saved-queries/${copy.id}`)).statusCode).toBe(404);
  });

  it('are found by search in title, description and SQL', async () => {
    await save('private', 'Revenue by month');
    await save('private', 'Churned accounts');
    const byTitle = await alice('GET', '/api/saved-queries?search=revenue');
    const byDescription = await alice('GET', '/api/saved-queries?search=SIGNUPS%20PER');
    const bySql = await alice('GET', '/api/saved-queries?search=select%201');
    const byWildcard = await alice('GET', '/api/saved-queries?search=%25');

    expect(byTitle.json().queries.map((query: { title: string }) => query.title)).toEqual(['Revenue by month']);
    expect(byDescription.json().queries).toHaveLength(2);
    expect(bySql.json().queries).toHaveLength(2);
    expect(byWildcard.json().queries).toEqual([]);
  });

  it('survive a restart of the server', async () => {
    const created = await save('shared');
    await harness.app.close();
    const { buildApp } = await import('../src/app.js');
    const { openDatabase } = await import('../src/db/database.js');
    harness.app = await buildApp(harness.config, {
      db: openDatabase(harness.config.dataDir),
      queryService: unusedQueryService,
      clock: harness.clock.now,
    });
    const response = await asUser(harness.app, aliceSession)('GET', `/api/saved-queries/${created.id}`);
    expect(response.statusCode).toBe(200);
  });

  it('require sign-in', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/api/saved-queries' });
    expect(response.statusCode).toBe(401);
  });
});
