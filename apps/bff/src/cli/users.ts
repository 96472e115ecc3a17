import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Role } from '@console/shared-types';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { systemClock } from '../clock.js';
import { openDatabase } from '../db/database.js';
import { createUsersRepo, type UserRecord, type UsersRepo } from '../db/users-repo.js';
import { AppError } from '../errors.js';
import { readFirstLine } from './read-line.js';

const HELP = `Manage the console's users.

Usage: node apps/bff/dist/cli/users.js COMMAND [USERNAME] [options]

Commands:
  add USERNAME [--role admin|user]   Add a user (role "user" unless given).
                                     Reads the password from the first line of standard input.
  list                               List every user with role and status.
  disable USERNAME                   Stop a user from signing in and end their sessions at once.
  enable USERNAME                    Let a disabled user sign in again.
  reset USERNAME                     Set a new password, read from standard input, and end the user's sessions.
  set-role USERNAME --role admin|user

Options:
  --role admin|user   Role for add and set-role.
  --data-dir DIR      The BFF's data folder (default: DATA_DIR, else ./data/bff).
  -h, --help          Show this help.

Example:
  printf '%s\\n' 'a long password' | node apps/bff/dist/cli/users.js add alice --role admin
`;

const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** Raised for an invalid command line or input. Its message names the fix. */
class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, username, ...extra] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(HELP);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}. Run with --help for usage.`);

  const dataDir = resolve(values['data-dir'] ?? (process.env.DATA_DIR?.trim() || './data/bff'));
  const db = openDatabase(dataDir);
  try {
    const users = createUsersRepo(db, systemClock);
    if (command === 'list') {
      listUsers(users.list());
      return 0;
    }
    const name = requireUsername(command, username);
    switch (command) {
      case 'add':
        await addUser(users, name, parseRole(values.role ?? 'user'));
        return 0;
      case 'disable':
        users.setDisabled(findUser(users, name).id, true);
        console.log(`Disabled ${name}; their sessions have ended.`);
        return 0;
      case 'enable':
        users.setDisabled(findUser(users, name).id, false);
        console.log(`Enabled ${name}.`);
        return 0;
      case 'reset':
        await resetPassword(users, name);
        return 0;
      case 'set-role': {
        if (values.role === undefined) throw new UsageError('set-role needs --role admin or --role user.');
        const role = parseRole(values.role);
        users.setRole(findUser(users, name).id, role);
        console.log(`${name} is now ${role === 'admin' ? 'an admin' : 'a user'}.`);
        return 0;
      }
      default:
        throw new UsageError(`Unknown command ${JSON.stringify(command)}. Run with --help for usage.`);
    }
  } finally {
    db.close();
  }
}

async function addUser(users: UsersRepo, username: string, role: Role): Promise<void> {
  if (users.findByUsername(username) !== undefined) throw new UsageError(`A user named ${username} already exists.`);
  const password = await readNewPassword(`Password for ${username}: `);
  users.insert({ username, passwordHash: await hashPassword(password), role });
  console.log(`Added ${username} (${role}).`);
}

async function resetPassword(users: UsersRepo, username: string): Promise<void> {
  const user = findUser(users, username);
  const password = await readNewPassword(`New password for ${username}: `);
  users.setPasswordHash(user.id, await hashPassword(password));
  console.log(`Set a new password for ${username}; their sessions have ended.`);
}

async function readNewPassword(prompt: string): Promise<string> {
  const password = await readFirstLine(prompt);
  if (password === undefined || password === '') {
    throw new UsageError(
      "No password on standard input. Pipe it in as one line, e.g. printf '%s\\n' 'a long password' | node apps/bff/dist/cli/users.js add alice",
    );
  }
  const problem = passwordProblem(password);
  if (problem !== undefined) throw new UsageError(problem);
  return password;
}

function listUsers(users: UserRecord[]): void {
  if (users.length === 0) {
    console.log('No users yet. Add one with: node apps/bff/dist/cli/users.js add USERNAME --role admin');
    return;
  }
  const rows = users.map((user) => [String(user.id), user.username, user.role, user.disabled ? 'disabled' : 'enabled', user.createdAt]);
  const table = [['ID', 'USERNAME', 'ROLE', 'STATUS', 'CREATED'], ...rows];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length))) ?? [];
  for (const row of table) {
    console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
  }
}

function requireUsername(command: string, username: string | undefined): string {
  if (username === undefined) throw new UsageError(`${command} needs a USERNAME. Run with --help for usage.`);
  if (!USERNAME_PATTERN.test(username)) {
    throw new UsageError(
      `Invalid username ${JSON.stringify(username)}: use 1 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.`,
    );
  }
  return username;
}

function findUser(users: UsersRepo, username: string): UserRecord {
  const user = users.findByUsername(username);
  if (user === undefined) throw new UsageError(`No user named ${username}. List users with: node apps/bff/dist/cli/users.js list`);
  return user;
}

function parseRole(value: string): Role {
  if (value === 'admin' || value === 'user') return value;
  throw new UsageError(`--role must be admin or user, got ${JSON.stringify(value)}.`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof AppError || isParseArgsError(error)) {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 2;
      return;
    }
    console.error(error);
    process.exitCode = 1;
  },
);

function isParseArgsError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}
