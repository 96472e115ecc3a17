import type { Db } from './database.js';

export interface SessionRecord {
  id: string;
  userId: number;
  csrfToken: string;
  signedInAt: number;
  lastSeenAt: number;
  /** The cookie settings @fastify/session keeps with a session, as JSON. */
  cookie: string;
}

interface SessionRow {
  id: string;
  user_id: number;
  csrf_token: string;
  signed_in_at: number;
  last_seen_at: number;
  cookie: string;
}

export interface SessionsRepo {
  /** Returns a session of an enabled user, or undefined. */
  findActive(id: string): SessionRecord | undefined;
  upsert(session: SessionRecord): void;
  delete(id: string): void;
  /** Deletes sessions idle since `idleBefore` or signed in before `signedInBefore`; returns how many. */
  deleteExpired(idleBefore: number, signedInBefore: number): number;
  countForUser(userId: number): number;
}

export function createSessionsRepo(db: Db): SessionsRepo {
  const findStatement = db.prepare<[string], SessionRow>(`
    SELECT s.id, s.user_id, s.csrf_token, s.signed_in_at, s.last_seen_at, s.cookie
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = ? AND u.disabled = 0`);
  const upsertStatement = db.prepare<[string, number, string, number, number, string]>(`
    INSERT INTO sessions (id, user_id, csrf_token, signed_in_at, last_seen_at, cookie)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET
      last_seen_at = excluded.last_seen_at,
      cookie = excluded.cookie`);
  const deleteStatement = db.prepare<[string]>('DELETE FROM sessions WHERE id = ?');
  const deleteExpiredStatement = db.prepare<[number, number]>(
    'DELETE FROM sessions WHERE last_seen_at <= ? OR signed_in_at <= ?',
  );
  const countStatement = db.prepare<[number], { total: number }>(
    'SELECT count(*) AS total FROM sessions WHERE user_id = ?',
  );

  return {
    findActive(id) {
      const row = findStatement.get(id);
      if (row === undefined) return undefined;
      return {
        id: row.id,
        userId: row.user_id,
        csrfToken: row.csrf_token,
        signedInAt: row.signed_in_at,
        lastSeenAt: row.last_seen_at,
        cookie: row.cookie,
      };
    },
    upsert(session) {
      upsertStatement.run(
        session.id,
        session.userId,
        session.csrfToken,
        session.signedInAt,
        session.lastSeenAt,
        session.cookie,
      );
    },
    delete(id) {
      deleteStatement.run(id);
    },
    deleteExpired(idleBefore, signedInBefore) {
      return deleteExpiredStatement.run(idleBefore, signedInBefore).changes;
    },
    countForUser: (userId) => countStatement.get(userId)?.total ?? 0,
  };
}
