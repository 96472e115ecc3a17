import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalStack } from '../../scripts/lib/local-stack.mjs';
import { ADMIN } from './accounts';

const root = resolve(import.meta.dirname, '..', '..');

/** A console started by one test file, with settings of its own, on free ports of 127.0.0.1. */
export interface OwnStack {
  url: string;
  dataDir: string;
  /** Adds a sign-in account with the BFF's users CLI. */
  addUser(account: { username: string; password: string }, role: 'admin' | 'user'): void;
  /** Stops both servers and deletes the data directory. */
  stop(): Promise<void>;
}

/**
 * Starts the local SQL API and a BFF with `env` in a throwaway data directory,
 * with the demo data and the admin account of the global setup. Creating the
 * demo data takes a few seconds.
 */
export async function startOwnStack(env: Record<string, string>): Promise<OwnStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'console-e2e-own-'));
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  try {
    stack = await startLocalStack({
      dataDir,
      // Only the BFF's budget is under test: the SQL API's own limit is off.
      sqlApiArgs: ['--rate-limit', '0'],
      env: { CONSOLE_DEMO_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn', ...env },
      output: () => undefined,
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    url: stack.url,
    dataDir,
    addUser(account, role) {
      const result = spawnSync(
        process.execPath,
        [join(root, 'apps/bff/dist/cli/users.js'), 'add', account.username, '--role', role],
        { input: `${account.password}\n`, encoding: 'utf8', env: { ...process.env, DATA_DIR: join(dataDir, 'bff') } },
      );
      if (result.status !== 0) throw new Error(`Adding the user ${account.username} failed: ${result.stderr || result.stdout}`);
    },
    async stop() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
