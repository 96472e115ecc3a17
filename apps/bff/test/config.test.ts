import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Env } from '../src/config.js';

const dir = mkdtempSync(join(tmpdir(), 'bff-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const minimal: Env = {
  SQL_API_BASE_URL: 'https://sql.example.com/',
  SQL_API_ORG_ID: 'org-1',
  SQL_API_TOKEN: 'token-value-0123456789',
  SESSION_SECRET: 's'.repeat(32),
};

function problemsOf(env: Env): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(minimal);

    expect(config.sqlApi).toMatchObject({ baseUrl: 'https://sql.example.com', orgId: 'org-1', timeoutMs: 35_000 });
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe(join(process.cwd(), 'data/bff'));
    expect(config.session).toMatchObject({ cookieSecure: true, idleMs: 30 * 60_000, maxAgeMs: 12 * 3_600_000 });
    expect(config.budget).toEqual({ sharedLimit: 6, windowMs: 60_000, perUserLimit: 6, maxWaitMs: 15_000 });
    expect(config.cacheTtlMs).toBe(60_000);
    expect(config.maxSqlBytes).toBe(100 * 1024);
    expect(config.snapshotTtlMs).toBe(7 * 86_400_000);
    expect(config.webRoot).toMatch(/apps\/web\/dist$/);
    expect(config.logLevel).toBe('info');
    expect(config.trustProxy).toBe(false);
  });

  it('lists every missing variable at once', () => {
    const problems = problemsOf({});
    expect(problems).toEqual([
      'SQL_API_BASE_URL is missing.',
      'SQL_API_ORG_ID is missing.',
      'SQL_API_TOKEN (or SQL_API_TOKEN_FILE) is missing.',
      'SESSION_SECRET (or SESSION_SECRET_FILE) is missing.',
    ]);
  });

  it('names each invalid value', () => {
    const problems = problemsOf({
      ...minimal,
      SQL_API_BASE_URL: 'ftp://sql.example.com',
      PORT: '80a',
      COOKIE_SECURE: 'maybe',
      LOG_LEVEL: 'loud',
      CACHE_TTL_SECONDS: '-1',
    });
    expect(problems).toEqual([
      'SQL_API_BASE_URL must use http or https, got "ftp:".',
      'PORT must be a whole number from 0 to 65535, got "80a".',
      'COOKIE_SECURE must be true or false, got "maybe".',
      'CACHE_TTL_SECONDS must be a number of at least 0, got "-1".',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud".',
    ]);
  });

  it('rejects a short session secret without printing it', () => {
    const problems = problemsOf({ ...minimal, SESSION_SECRET: 'too-short-secret' });
    expect(problems).toEqual(['SESSION_SECRET must be at least 32 characters long.']);
  });

  it('reads the token and the secret from files', () => {
    const tokenFile = join(dir, 'token');
    const secretFile = join(dir, 'secret');
    writeFileSync(tokenFile, 'file-token-0123456789\n');
    writeFileSync(secretFile, `${'x'.repeat(40)}\n`);
    const { SQL_API_TOKEN: _token, SESSION_SECRET: _secret, ...rest } = minimal;

    const config = loadConfig({ ...rest, SQL_API_TOKEN_FILE: tokenFile, SESSION_SECRET_FILE: secretFile });
    expect(config.sqlApi.token).toBe('file-token-0123456789');
    expect(config.session.secret).toBe('x'.repeat(40));
  });

  it('names an unreadable token file and never the token', () => {
    const missing = join(dir, 'no-such-file');
    const problems = problemsOf({ ...minimal, SQL_API_TOKEN: undefined, SQL_API_TOKEN_FILE: missing });
    expect(problems).toEqual([`SQL_API_TOKEN_FILE names ${JSON.stringify(missing)}, which cannot be read (ENOENT).`]);
  });

  it('rejects a token given both ways', () => {
    const problems = problemsOf({ ...minimal, SQL_API_TOKEN_FILE: join(dir, 'token') });
    expect(problems).toEqual(['Set either SQL_API_TOKEN or SQL_API_TOKEN_FILE, not both.']);
  });

  it('keeps the error message free of the token', () => {
    let message = '';
    try {
      loadConfig({ ...minimal, PORT: 'x' });
    } catch (error) {
      message = error instanceof Error ? error.message : '';
    }
    expect(message).toContain('PORT');
    expect(message).not.toContain(minimal.SQL_API_TOKEN);
  });

  it('allows plain http cookies and proxy settings', () => {
    const config = loadConfig({ ...minimal, COOKIE_SECURE: 'false', TRUST_PROXY: '10.0.0.1, 10.0.0.2' });
    expect(config.session.cookieSecure).toBe(false);
    expect(config.trustProxy).toEqual(['10.0.0.1', '10.0.0.2']);
  });

  it('rejects an idle timeout longer than the maximum', () => {
    const problems = problemsOf({ ...minimal, SESSION_IDLE_MINUTES: '120', SESSION_MAX_HOURS: '1' });
    expect(problems).toEqual(['SESSION_IDLE_MINUTES (120) must not be longer than SESSION_MAX_HOURS (1 hours).']);
  });
});
