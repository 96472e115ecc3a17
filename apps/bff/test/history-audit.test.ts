import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueryOutcome } from '@console/shared-types';
import { createQueryLogRepo } from '../src/db/query-log-repo.js';
import { addUser, asUser, type Harness, signIn, startHarness } from './support/bff-harness.js';
import { unusedQueryService } from './support/unused-query-service.js';

const PASSWORD = 'correct horse battery';
let harness: Harness;
let admin: ReturnType<typeof asUser>;
let bob: ReturnType<typeof asUser>;
let adminId: number;
let bobId: number;

function record(userId: number, sql: string, outcome: QueryOutcome, startedAt: string, errorCode: string | null = null) {
  createQueryLogRepo(harness.db).insert({
    userId,
    sql,
    startedAt: new Date(startedAt),
    durationMs: 42,
    rowCount: outcome === 'ok' || outcome === 'cached' ? 10 : null,
    outcome,
    errorCode,
  });
}

beforeEach(async () => {
  harness = await startHarness({ queryService: unusedQueryService });
  adminId = (await addUser(harness, 'root', PASSWORD, 'admin')).id;
  bobId = (await addUser(harness, 'bob', PASSWORD)).id;
  admin = asUser(harness.app, await signIn(harness.app, 'root', PASSWORD));
  bob = asUser(harness.app, await signIn(harness.app, 'bob', PASSWORD));

  record(adminId, 'SELECT * FROM conversation LIMIT 10', 'ok', '2026-01-10T08:00:00Z');
  record(bobId, 'SELECT count(*) FROM message', 'cached', '2026-01-11T08:00:00Z');
  record(bobId, 'DELETE FROM message', 'refused', '2026-01-12T08:00:00Z', 'not_read_only');
  record(bobId, '=HYPERLINK("http://x","a, b")\r\nFROM "t"', 'sql_error', '2026-01-13T08:00:00Z', 'sql_error');
});

afterEach(async () => {
  await harness.close();
});

describe('history', () => {
  it('lists only the caller own runs, newest first', async () => {
    const response = await bob('GET', '/api/history');

    expect(response.statusCode).toBe(200);
    const entries = response.json().entries;
    expect(entries.map((entry: { outcome: string }) => entry.outcome)).toEqual(['sql_error', 'refused', 'cached']);
    expect(entries[1]).toMatchObject({
      sql: 'DELETE FROM message',
      startedAt: '2026-01-12T08:00:00.000Z',
      durationMs: 42,
      rowCount: null,
      errorCode: 'not_read_only',
    });
  });

  it('is searchable by SQL text', async () => {
    const response = await bob('GET', '/api/history?search=COUNT(');
    expect(response.json().entries.map((entry: { sql: string }) => entry.sql)).toEqual(['SELECT count(*) FROM message']);
  });
});

describe('audit', () => {
  it('is refused to non-admins', async () => {
    const json = await bob('GET', '/api/audit');
    const csv = await bob('GET', '/api/audit.csv');

    expect(json.statusCode).toBe(403);
    expect(json.json().error.code).toBe('forbidden');
    expect(csv.statusCode).toBe(403);
  });

  it('lists everyone runs with the user for admins', async () => {
    const response = await admin('GET', '/api/audit');

    expect(response.statusCode).toBe(200);
    const entries = response.json().entries;
    expect(entries).toHaveLength(4);
    expect(entries[3]).toMatchObject({ user: { id: adminId, username: 'root' }, outcome: 'ok', rowCount: 10 });
  });

  it.each([
    ['user=bob', 3],
    ['outcome=refused', 1],
    ['search=message', 2],
    ['from=2026-01-11&to=2026-01-13', 2],
    ['user=bob&outcome=cached', 1],
    ['user=nobody', 0],
  ])('filters by %s', async (filter, expected) => {
    const response = await admin('GET', `/api/audit?${filter}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().entries).toHaveLength(expected);
  });

  it('rejects an unknown outcome and a bad date', async () => {
    const outcome = await admin('GET', '/api/audit?outcome=exploded');
    const date = await admin('GET', '/api/audit?from=yesterday');

    expect(outcome.statusCode).toBe(400);
    expect(outcome.json().error.code).toBe('invalid_request');
    expect(date.statusCode).toBe(400);
    expect(date.json().error.message).toContain('from');
  });

  it('downloads as RFC 4180 CSV with formula protection', async () => {
    const response = await admin('GET', '/api/audit.csv?user=bob');

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-.*\.csv"$/);
    const text = response.body;
    expect(text.startsWith('\uFEFFid,started_at,user_id,username,outcome,error_code,duration_ms,row_count,sql\r\n')).toBe(true);
    expect(text).toContain(`,${bobId},bob,sql_error,sql_error,42,,"'=HYPERLINK(""http://x"",""a, b"")\r\nFROM ""t"""\r\n`);
    expect(text).toContain(`,${bobId},bob,refused,not_read_only,42,,DELETE FROM message\r\n`);
    expect(text.endsWith('\r\n')).toBe(true);
  });
});
