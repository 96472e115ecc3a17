// The console stack the benchmarks measure: the local SQL API (its rate limit
// off) and the BFF, started by the same launcher as `npm start`, on free ports
// of 127.0.0.1 with a throwaway data directory.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addConsoleUser, startLocalStack } from '../../scripts/lib/local-stack.mjs';
import { residentMegabytes } from './memory.mjs';
import { bffServer, resultsDir, sqlApiCli, usersCli } from './paths.mjs';
import { requireBuilt } from './require-built.mjs';

/**
 * The BFF's settings for the run. The budget allows 1000 calls per second, so
 * it never paces a benchmark. A larger limit would slow the BFF down, because
 * its budget costs time in proportion to the limit on every uncached call.
 * The session cookie drops its Secure flag because the stack serves plain http.
 */
const bffEnv = (demoPassword) => ({
  CONSOLE_DEMO_PASSWORD: demoPassword,
  COOKIE_SECURE: 'false',
  BUDGET_LIMIT: '1000',
  USER_LIMIT: '1000',
  BUDGET_WINDOW_SECONDS: '1',
});

/** Signs in over HTTP as a browser would and returns the session cookie and CSRF token. */
export async function signIn(url, username, password) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Signing in as ${username} failed with HTTP ${response.status}: ${text.slice(0, 300)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  if (cookie === '') throw new Error(`Signing in as ${username} returned no session cookie.`);
  const { csrfToken } = JSON.parse(text);
  if (typeof csrfToken !== 'string') throw new Error(`Signing in as ${username} returned no csrfToken.`);
  return { username, cookie, csrfToken };
}

/**
 * Starts the stack and returns its addresses, the SQL API token (for the
 * direct reference calls), the two child processes and helpers to add users.
 */
export async function startBenchStack() {
  requireBuilt(sqlApiCli, bffServer, usersCli);
  const dataDir = mkdtempSync(join(tmpdir(), 'console-bench-'));
  mkdirSync(resultsDir, { recursive: true });
  const logPath = join(resultsDir, 'stack.log');
  const log = createWriteStream(logPath);
  const demoPassword = `bench-${randomBytes(12).toString('base64url')}`;

  let stack;
  try {
    stack = await startLocalStack({
      dataDir,
      sqlApiArgs: ['--rate-limit', '0'],
      env: bffEnv(demoPassword),
      output: (name, chunk) => log.write(`[${name}] ${chunk}`),
    });
  } catch (error) {
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${error instanceof Error ? error.message : String(error)} The servers' output is in ${logPath}.`);
  }

  let userCount = 0;
  return {
    url: stack.url,
    sqlApiUrl: stack.sqlApiUrl,
    /** The demo organization's DuckDB file, which the SQL API opens read-only. */
    demoDatabasePath: join(dataDir, 'sql-api', 'orgs', 'demo.duckdb'),
    token: stack.readToken(),
    processes: stack.processes,
    /** The BFF's RSS in MB right after its first successful health check. */
    bffStartMegabytes: residentMegabytes(stack.processes.bff.pid),
    logPath,
    admin: { username: 'demo', password: demoPassword },

    /** Adds `count` users with random passwords, a few at a time, and returns their credentials. */
    async addUsers(count) {
      const users = [];
      for (let i = 0; i < count; i += 1) {
        userCount += 1;
        users.push({ username: `bench-user-${userCount}`, password: randomBytes(12).toString('base64url') });
      }
      const concurrency = 4;
      for (let start = 0; start < users.length; start += concurrency) {
        await Promise.all(users.slice(start, start + concurrency).map((user) => addConsoleUser(dataDir, user.username, user.password)));
      }
      return users;
    },

    async stop() {
      await stack.stop();
      log.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
