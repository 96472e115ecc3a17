import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '@console/shared-types';
import { buildApp } from '../../src/app.js';
import { hashPassword } from '../../src/auth/password.js';
import type { ThrottleLimits } from '../../src/auth/sign-in-throttle.js';
import { loadConfig, type Config, type Env } from '../../src/config.js';
import { openDatabase, type Db } from '../../src/db/database.js';
import { createUsersRepo, type UserRecord, type UsersRepo } from '../../src/db/users-repo.js';
import type { QueryService } from '../../src/query/query-service.js';

export const TEST_TOKEN = 'sqlapi-test-token-4f1c9a7e2b8d6053';
export const TEST_SESSION_SECRET = 'session-secret-for-tests-only-0123456789abcdef';
/** The origin of `app.inject` requests, whose Host header is `localhost:80`. */
export const OWN_ORIGIN = 'http://localhost';

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(public time = Date.parse('2026-01-15T09:00:00Z')) {}
  readonly now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface HarnessOptions {
  env?: Env;
  queryService?: QueryService;
  throttleLimits?: ThrottleLimits;
  /** Writes a small fake web build into WEB_ROOT unless false. */
  webBuild?: boolean;
}

export interface Harness {
  app: FastifyInstance;
  config: Config;
  db: Db;
  users: UsersRepo;
  clock: ManualClock;
  dataDir: string;
  /** Every log line written so far. */
  logLines: string[];
  close(): Promise<void>;
}

/** Env for a BFF pointed at `sqlApiUrl`, with its data in `dir`. */
export function baseEnv(dir: string, sqlApiUrl = 'http://127.0.0.1:9'): Env {
  return {
    SQL_API_BASE_URL: sqlApiUrl,
    SQL_API_ORG_ID: 'demo',
    SQL_API_TOKEN: TEST_TOKEN,
    SESSION_SECRET: TEST_SESSION_SECRET,
    DATA_DIR: join(dir, 'bff'),
    WEB_ROOT: join(dir, 'web'),
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'info',
  };
}

/** Builds a BFF on a fresh temporary data folder; `close` stops it and removes the folder. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'bff-test-'));
  const env = { ...baseEnv(dir), ...options.env };
  const config = loadConfig(env);
  if (options.webBuild !== false) writeFakeWebBuild(config.webRoot);

  const clock = new ManualClock();
  const logLines: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
      done();
    },
  });

  const db = openDatabase(config.dataDir);
  const app = await buildApp(config, {
    db,
    clock: clock.now,
    logDestination,
    ...(options.queryService ? { queryService: options.queryService } : {}),
    ...(options.throttleLimits ? { throttleLimits: options.throttleLimits } : {}),
  });
  await app.ready();

  return {
    app,
    config,
    db,
    users: createUsersRepo(db, clock.now),
    clock,
    dataDir: config.dataDir,
    logLines,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function writeFakeWebBuild(webRoot: string): void {
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Console</title><div id="root"></div>');
  writeFileSync(join(webRoot, 'assets', 'index-3f9a1c.js'), 'console.log("app");\n'.repeat(200));
  // The web build writes a brotli copy beside each asset, as this one.
  writeFileSync(join(webRoot, 'assets', 'styles-5b2e0d.css'), 'body { color: black; }\n'.repeat(100));
  writeFileSync(join(webRoot, 'assets', 'styles-5b2e0d.css.br'), brotliCompressSync('body { color: black; }\n'.repeat(100)));
  writeFileSync(join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
}

export async function addUser(harness: Harness, username: string, password: string, role: Role = 'user'): Promise<UserRecord> {
  return harness.users.insert({ username, passwordHash: await hashPassword(password), role });
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  userId: number;
}

/** Returns the `name=value` pair of the session cookie that a response sets, if any. */
export function sessionCookie(response: LightMyRequestResponse): string | undefined {
  const header = response.headers['set-cookie'];
  const all = header === undefined ? [] : Array.isArray(header) ? header : [header];
  const line = all.find((value) => value.includes('console_session=') && !/Expires=Thu, 01 Jan 1970/.test(value));
  return line?.split(';', 1)[0];
}

export async function signInResponse(app: FastifyInstance, username: string, password: string, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { origin: OWN_ORIGIN, ...headers },
    payload: { username, password },
  });
}

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<SignedIn> {
  const response = await signInResponse(app, username, password);
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookie(response);
  if (cookie === undefined) throw new Error(`sign-in of ${username} set no session cookie`);
  const body = response.json<{ csrfToken: string; user: { id: number } }>();
  return { cookie, csrfToken: body.csrfToken, userId: body.user.id };
}

/** Sends a request as a signed-in user, with the cookie, CSRF token and Origin a browser would send. */
export function asUser(app: FastifyInstance, session: SignedIn) {
  return (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: {
        cookie: session.cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken, origin: OWN_ORIGIN }),
      },
      ...(payload === undefined ? {} : { payload }),
    });
}
