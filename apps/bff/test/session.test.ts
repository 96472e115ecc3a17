import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import {
  addUser,
  asUser,
  type Harness,
  OWN_ORIGIN,
  sessionCookie,
  signIn,
  signInResponse,
  startHarness,
} from './support/bff-harness.js';
import { unusedQueryService } from './support/unused-query-service.js';

const PASSWORD = 'correct horse battery';
let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

async function start(env: Record<string, string> = {}): Promise<Harness> {
  harness = await startHarness({ env, queryService: unusedQueryService });
  await addUser(harness, 'alice', PASSWORD, 'admin');
  return harness;
}

function setCookieLines(headers: Record<string, unknown>): string[] {
  const value = headers['set-cookie'];
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

describe('sign-in', () => {
  it('returns the user and a CSRF token and sets a strict HttpOnly cookie', async () => {
    await start();
    const response = await signInResponse(harness.app, 'alice', PASSWORD);

    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toEqual({ id: expect.any(Number), username: 'alice', role: 'admin' });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const [cookie] = setCookieLines(response.headers);
    expect(cookie).toMatch(/^console_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Domain=');
  });

  it('uses a __Host- Secure cookie when served over TLS', async () => {
    await start({ COOKIE_SECURE: 'true', TRUST_PROXY: 'true' });
    const response = await signInResponse(harness.app, 'alice', PASSWORD, {
      'x-forwarded-proto': 'https',
      host: 'localhost',
      origin: 'https://localhost',
    });

    expect(response.statusCode).toBe(200);
    const [cookie] = setCookieLines(response.headers);
    expect(cookie).toMatch(/^__Host-console_session=/);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Domain=');
  });

  it('explains COOKIE_SECURE when secure cookies meet plain http', async () => {
    await start({ COOKIE_SECURE: 'true' });
    const response = await signInResponse(harness.app, 'alice', PASSWORD);

    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
    expect(response.json().error.message).toContain('COOKIE_SECURE=false');
  });

  it('keeps sessions in SQLite so a restarted server accepts them', async () => {
    await start();
    const session = await signIn(harness.app, 'alice', PASSWORD);
    const rows = harness.db.prepare('SELECT count(*) AS total FROM sessions').get() as { total: number };
    expect(rows.total).toBe(1);

    const restarted = await buildApp(harness.config, { queryService: unusedQueryService, clock: harness.clock.now });
    try {
      const response = await asUser(restarted, session)('GET', '/api/session');
      expect(response.statusCode).toBe(200);
      expect(response.json().csrfToken).toBe(session.csrfToken);
    } finally {
      await restarted.close();
    }
  });

  it('stores no session for anonymous requests', async () => {
    await start();
    const response = await harness.app.inject({ method: 'GET', url: '/api/session' });

    expect(response.statusCode).toBe(401);
    expect(setCookieLines(response.headers)).toEqual([]);
    const rows = harness.db.prepare('SELECT count(*) AS total FROM sessions').get() as { total: number };
    expect(rows.total).toBe(0);
  });
});

describe('session', () => {
  it('returns the same user and token on GET', async () => {
    await start();
    const session = await signIn(harness.app, 'alice', PASSWORD);
    const response = await asUser(harness.app, session)('GET', '/api/session');

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: { id: session.userId, username: 'alice', role: 'admin' },
      csrfToken: session.csrfToken,
    });
  });

  it('answers 401 not_authenticated without a cookie', async () => {
    await start();
    const response = await harness.app.inject({ method: 'GET', url: '/api/session' });

    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('not_authenticated');
  });

  it('gets a new id at sign-in and the old one stops working', async () => {
    await start();
    const first = await signIn(harness.app, 'alice', PASSWORD);
    const again = await harness.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { origin: OWN_ORIGIN, cookie: first.cookie },
      payload: { username: 'alice', password: PASSWORD },
    });
    const second = sessionCookie(again);

    expect(again.statusCode).toBe(200);
    expect(second).toBeDefined();
    expect(second).not.toBe(first.cookie);
    expect(again.json().csrfToken).not.toBe(first.csrfToken);
    expect((await asUser(harness.app, first)('GET', '/api/session')).statusCode).toBe(401);
  });

  it('ends at sign-out and clears the cookie', async () => {
    await start();
    const session = await signIn(harness.app, 'alice', PASSWORD);
    const response = await asUser(harness.app, session)('DELETE', '/api/session');

    expect(response.statusCode).toBe(204);
    const cleared = setCookieLines(response.headers).find((line) => line.startsWith('console_session='));
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await asUser(harness.app, session)('GET', '/api/session')).statusCode).toBe(401);
    const rows = harness.db.prepare('SELECT count(*) AS total FROM sessions').get() as { total: number };
    expect(rows.total).toBe(0);
  });

  it('expires after the idle timeout', async () => {
    await start({ SESSION_IDLE_MINUTES: '30' });
    const session = await signIn(harness.app, 'alice', PASSWORD);
    harness.clock.advance(30 * 60_000 + 1000);

    const response = await asUser(harness.app, session)('GET', '/api/session');
    expect(response.statusCode).toBe(401);
  });

  it('stays alive while used within the idle timeout', async () => {
    await start({ SESSION_IDLE_MINUTES: '30' });
    const session = await signIn(harness.app, 'alice', PASSWORD);

    for (let step = 0; step < 4; step += 1) {
      harness.clock.advance(20 * 60_000);
      const response = await asUser(harness.app, session)('GET', '/api/session');
      expect(response.statusCode).toBe(200);
    }
  });

  it('writes the session row once a minute', async () => {
    await start({ SESSION_IDLE_MINUTES: '30' });
    const session = await signIn(harness.app, 'alice', PASSWORD);
    const lastSeen = () => (harness.db.prepare('SELECT last_seen_at AS at FROM sessions').get() as { at: number }).at;
    const signedInSeen = lastSeen();

    harness.clock.advance(30_000);
    expect((await asUser(harness.app, session)('GET', '/api/session')).statusCode).toBe(200);
    expect(lastSeen()).toBe(signedInSeen);

    harness.clock.advance(30_000);
    expect((await asUser(harness.app, session)('GET', '/api/session')).statusCode).toBe(200);
    expect(lastSeen()).toBe(signedInSeen + 60_000);
  });

  it('keeps a deleted session row deleted', async () => {
    await start({ SESSION_IDLE_MINUTES: '30' });
    const session = await signIn(harness.app, 'alice', PASSWORD);
    harness.db.prepare('DELETE FROM sessions').run();

    expect((await asUser(harness.app, session)('GET', '/api/session')).statusCode).toBe(401);
    harness.clock.advance(5 * 60_000);
    expect((await asUser(harness.app, session)('GET', '/api/session')).statusCode).toBe(401);
  });

  it('expires after the absolute maximum even when in use', async () => {
    await start({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '2' });
    const session = await signIn(harness.app, 'alice', PASSWORD);

    for (let step = 0; step < 5; step += 1) {
      harness.clock.advance(20 * 60_000);
      expect((await asUser(harness.app, session)('GET', '/api/session')).statusCode).toBe(200);
    }
    harness.clock.advance(20 * 60_000 + 1000);
    expect((await asUser(harness.app, session)('GET', '/api/session')).statusCode).toBe(401);
  });

  it('ends at once when the user is disabled', async () => {
    await start();
    const session = await signIn(harness.app, 'alice', PASSWORD);
    harness.users.setDisabled(session.userId, true);

    expect((await asUser(harness.app, session)('GET', '/api/session')).statusCode).toBe(401);
    const rows = harness.db.prepare('SELECT count(*) AS total FROM sessions').get() as { total: number };
    expect(rows.total).toBe(0);
    expect((await signInResponse(harness.app, 'alice', PASSWORD)).statusCode).toBe(401);
  });
});
