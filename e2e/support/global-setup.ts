import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// The same launcher as `npm start`, so the tests run the stack a user runs.
import { addConsoleUser, startLocalStack } from '../../scripts/lib/local-stack.mjs';
import { ADMIN, SECOND_USER } from './accounts';

const artifactsDir = resolve(import.meta.dirname, '..', 'artifacts');

/**
 * Starts the local SQL API and the BFF on free ports of 127.0.0.1 with a fresh
 * data directory, and stops them after the run. The SQL API's own rate limit
 * and the BFF's budget are raised so that they do not pace the suite. The
 * budget itself is tested over HTTP in the BFF's suite.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'console-e2e-'));
  const logFile = join(dataDir, 'stack.log');
  const stack = await startLocalStack({
    dataDir,
    sqlApiArgs: ['--rate-limit', '0'],
    env: {
      CONSOLE_DEMO_PASSWORD: ADMIN.password,
      BUDGET_LIMIT: '1000',
      USER_LIMIT: '1000',
      LOG_LEVEL: 'info',
    },
    output: (name: string, chunk: Buffer) => appendFileSync(logFile, `[${name}] ${chunk.toString()}`),
  });
  await addConsoleUser(dataDir, SECOND_USER.username, SECOND_USER.password, 'user');

  process.env.CONSOLE_URL = stack.url;
  process.env.CONSOLE_SQL_API_URL = stack.sqlApiUrl;
  process.env.CONSOLE_TOKEN_FILE = stack.tokenFile;
  process.env.CONSOLE_DATA_DIR = dataDir;
  process.env.CONSOLE_LOG_FILE = logFile;

  return async () => {
    await stack.stop();
    // The servers' log lines are kept with the other artifacts of the run.
    mkdirSync(artifactsDir, { recursive: true });
    copyFileSync(logFile, join(artifactsDir, 'stack.log'));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
