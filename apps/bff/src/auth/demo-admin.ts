import { randomBytes } from 'node:crypto';
import type { UsersRepo } from '../db/users-repo.js';
import { hashPassword, passwordProblem } from './password.js';

export const DEMO_USERNAME = 'demo';

export type DemoAdminResult =
  | { created: false }
  | { created: true; username: string; generatedPassword: string | undefined };

/**
 * Creates the admin `demo` when the database has no users at all, so a fresh
 * install can be signed in to. The password is `demoPassword` when given,
 * otherwise a random one that the caller prints once.
 */
export async function ensureDemoAdmin(users: UsersRepo, demoPassword: string | undefined): Promise<DemoAdminResult> {
  if (users.count() > 0) return { created: false };

  if (demoPassword !== undefined) {
    const problem = passwordProblem(demoPassword);
    if (problem !== undefined) throw new Error(`CONSOLE_DEMO_PASSWORD is not usable: ${problem}`);
  }
  const generatedPassword = demoPassword === undefined ? randomBytes(12).toString('base64url') : undefined;
  const password = demoPassword ?? generatedPassword ?? '';

  users.insert({ username: DEMO_USERNAME, passwordHash: await hashPassword(password), role: 'admin' });
  return { created: true, username: DEMO_USERNAME, generatedPassword };
}
