import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/auth/password.js';
import { openDatabase } from '../src/db/database.js';
import { createUsersRepo } from '../src/db/users-repo.js';
import { builtFile } from './support/built-bff.js';

let cli: string;
const dir = mkdtempSync(join(tmpdir(), 'bff-cli-'));
const dataDir = join(dir, 'bff');

beforeAll(() => {
  cli = builtFile('cli/users.js');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, [cli, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function readUser(username: string) {
  const db = openDatabase(dataDir);
  try {
    return createUsersRepo(db, Date.now).findByUsername(username);
  } finally {
    db.close();
  }
}

describe('users command', () => {
  it('prints help', () => {
    const result = run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('add USERNAME [--role admin|user]');
    expect(result.stdout).toContain('standard input');
  });

  it('adds a user with the password piped in', async () => {
    const result = run(['add', 'alice', '--role', 'admin'], 'a long password\n');

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Added alice (admin).');
    const user = readUser('alice');
    expect(user?.role).toBe('admin');
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('a long password', user?.passwordHash ?? '')).toBe(true);
  });

  it('reads only the first line, without its CRLF', async () => {
    const result = run(['add', 'carol'], 'first line pw\r\nsecond line\n');

    expect(result.code).toBe(0);
    expect(await verifyPassword('first line pw', readUser('carol')?.passwordHash ?? '')).toBe(true);
  });

  it('refuses a second user of the same name', () => {
    const result = run(['add', 'ALICE'], 'another password\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already exists');
  });

  it('refuses a missing or short password', () => {
    const missing = run(['add', 'dave'], '');
    const short = run(['add', 'dave'], 'short\n');

    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No password on standard input');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 8 characters');
    expect(readUser('dave')).toBeUndefined();
  });

  it('lists users with role and status', () => {
    const result = run(['list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/USERNAME\s+ROLE\s+STATUS/);
    expect(result.stdout).toMatch(/alice\s+admin\s+enabled/);
    expect(result.stdout).toMatch(/carol\s+user\s+enabled/);
  });

  it('disables and enables a user', () => {
    expect(run(['disable', 'carol']).code).toBe(0);
    expect(readUser('carol')?.disabled).toBe(true);
    expect(run(['list']).stdout).toMatch(/carol\s+user\s+disabled/);

    expect(run(['enable', 'carol']).code).toBe(0);
    expect(readUser('carol')?.disabled).toBe(false);
  });

  it('resets a password', async () => {
    const result = run(['reset', 'carol'], 'a brand new password\n');

    expect(result.code).toBe(0);
    expect(await verifyPassword('a brand new password', readUser('carol')?.passwordHash ?? '')).toBe(true);
  });

  it('changes a role', () => {
    expect(run(['set-role', 'carol', '--role', 'admin']).code).toBe(0);
    expect(readUser('carol')?.role).toBe('admin');
  });

  it.each([
    [['frobnicate', 'x'], 'Unknown command'],
    [['disable', 'nobody'], 'No user named nobody'],
    [['add', 'bad name'], 'Invalid username'],
    [['set-role', 'carol'], 'needs --role'],
    [['add', 'erin', '--role', 'root'], '--role must be admin or user'],
  ])('explains a wrong command line %j', (args, message) => {
    const result = run(args, 'a long password\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
