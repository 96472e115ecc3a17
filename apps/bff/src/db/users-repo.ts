import type { Role, User } from '@console/shared-types';
import { isoTime, type Clock } from '../clock.js';
import { userExists } from '../errors.js';
import type { Db } from './database.js';

export interface UserRecord extends User {
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  role: Role;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface UsersRepo {
  count(): number;
  list(): UserRecord[];
  findById(id: number): UserRecord | undefined;
  findByUsername(username: string): UserRecord | undefined;
  /** Inserts a user; throws `user_exists` when the name is taken (names compare case-insensitively). */
  insert(user: { username: string; passwordHash: string; role: Role }): UserRecord;
  /** Disables or enables a user; disabling also deletes the user's sessions in the same transaction. */
  setDisabled(id: number, disabled: boolean): void;
  /** Replaces the password hash and ends the user's sessions in the same transaction. */
  setPasswordHash(id: number, passwordHash: string): void;
  setRole(id: number, role: Role): void;
}

export function createUsersRepo(db: Db, clock: Clock): UsersRepo {
  const selectColumns = 'id, username, password_hash, role, disabled, created_at, updated_at';
  const countStatement = db.prepare<[], { total: number }>('SELECT count(*) AS total FROM users');
  const listStatement = db.prepare<[], UserRow>(`SELECT ${selectColumns} FROM users ORDER BY username`);
  const byId = db.prepare<[number], UserRow>(`SELECT ${selectColumns} FROM users WHERE id = ?`);
  const byUsername = db.prepare<[string], UserRow>(`SELECT ${selectColumns} FROM users WHERE username = ?`);
  const insertStatement = db.prepare<[string, string, Role, string, string]>(
    'INSERT INTO users (username, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const updateDisabled = db.prepare<[number, string, number]>('UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?');
  const updateHash = db.prepare<[string, string, number]>('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?');
  const updateRole = db.prepare<[Role, string, number]>('UPDATE users SET role = ?, updated_at = ? WHERE id = ?');
  const deleteSessions = db.prepare<[number]>('DELETE FROM sessions WHERE user_id = ?');

  const endSessionsAfter = (update: () => void) =>
    db.transaction((id: number) => {
      update();
      deleteSessions.run(id);
    });

  return {
    count: () => countStatement.get()?.total ?? 0,
    list: () => listStatement.all().map(toRecord),
    findById: (id) => mapOptional(byId.get(id)),
    findByUsername: (username) => mapOptional(byUsername.get(username)),

    insert({ username, passwordHash, role }) {
      const now = isoTime(clock);
      try {
        const { lastInsertRowid } = insertStatement.run(username, passwordHash, role, now, now);
        return toRecord({
          id: Number(lastInsertRowid),
          username,
          password_hash: passwordHash,
          role,
          disabled: 0,
          created_at: now,
          updated_at: now,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw userExists(username);
        throw error;
      }
    },

    setDisabled(id, disabled) {
      if (!disabled) {
        updateDisabled.run(0, isoTime(clock), id);
        return;
      }
      endSessionsAfter(() => updateDisabled.run(1, isoTime(clock), id))(id);
    },

    setPasswordHash(id, passwordHash) {
      endSessionsAfter(() => updateHash.run(passwordHash, isoTime(clock), id))(id);
    },

    setRole(id, role) {
      updateRole.run(role, isoTime(clock), id);
    },
  };
}

function mapOptional(row: UserRow | undefined): UserRecord | undefined {
  return row === undefined ? undefined : toRecord(row);
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    passwordHash: row.password_hash,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Returns the public view of a user, as sent to the web app. */
export function publicUser(user: User): User {
  return { id: user.id, username: user.username, role: user.role };
}
