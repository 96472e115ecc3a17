import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addConsoleUser, startLocalStack } from '../../scripts/lib/local-stack.mjs';
import { ADMIN } from './accounts';

/** A console started by one test file, with settings of its own, on free ports of 127.0.0.1. */
export interface OwnStack {
  url: string;
  dataDir: string;
  /** Adds a sign-in account with the BFF's users CLI. */
  addUser(account: { username: string; password: string }, role: 'admin' | 'user'): Promise<void>;
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
      return addConsoleUser(dataDir, account.username, account.password, role);
    },
    async stop() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
