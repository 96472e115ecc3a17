import { randomBytes } from 'node:crypto';
import type { SavedQuery, Visibility } from '@console/shared-types';
import { isoTime, type Clock } from '../clock.js';
import type { Db } from './database.js';
import { containsPattern } from './like-pattern.js';

export interface NewSavedQuery {
  ownerId: number;
  title: string;
  description: string;
  sql: string;
  visibility: Visibility;
}

export type SavedQueryChanges = Partial<Pick<NewSavedQuery, 'title' | 'description' | 'sql' | 'visibility'>>;

interface SavedQueryRow {
  id: string;
  owner_id: number;
  owner_username: string;
  title: string;
  description: string;
  sql: string;
  visibility: Visibility;
  created_at: string;
  updated_at: string;
  has_snapshot: number;
}

export interface SavedQueriesRepo {
  create(query: NewSavedQuery): SavedQuery;
  find(id: string): SavedQuery | undefined;
  /** The user's own queries and everyone's shared ones, most recently updated first. */
  listVisible(userId: number, search: string | undefined, limit: number): SavedQuery[];
  update(id: string, changes: SavedQueryChanges): SavedQuery | undefined;
  delete(id: string): void;
}

/** 16 random bytes (128 bits) as base64url: 22 characters, unguessable, safe in a URL path. */
export function newSavedQueryId(): string {
  return randomBytes(16).toString('base64url');
}

export function createSavedQueriesRepo(db: Db, clock: Clock): SavedQueriesRepo {
  // The snapshot flag counts only snapshots that have not expired at the time passed in.
  const selectFrom = `
    SELECT q.id, q.owner_id, u.username AS owner_username, q.title, q.description, q.sql, q.visibility,
      q.created_at, q.updated_at,
      EXISTS (SELECT 1 FROM snapshots s WHERE s.saved_query_id = q.id AND s.expires_at > @now) AS has_snapshot
    FROM saved_queries q JOIN users u ON u.id = q.owner_id`;
  const insertStatement = db.prepare<[string, number, string, string, string, Visibility, string, string]>(`
    INSERT INTO saved_queries (id, owner_id, title, description, sql, visibility, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const findStatement = db.prepare<{ now: string; id: string }, SavedQueryRow>(`${selectFrom} WHERE q.id = @id`);
  const deleteStatement = db.prepare<[string]>('DELETE FROM saved_queries WHERE id = ?');
  const updateStatement = db.prepare<{
    id: string;
    title: string;
    description: string;
    sql: string;
    visibility: Visibility;
    updatedAt: string;
  }>(`
    UPDATE saved_queries
    SET title = @title, description = @description, sql = @sql, visibility = @visibility, updated_at = @updatedAt
    WHERE id = @id`);

  const find = (id: string) => {
    const row = findStatement.get({ now: isoTime(clock), id });
    return row === undefined ? undefined : toSavedQuery(row);
  };

  return {
    create(query) {
      const id = newSavedQueryId();
      const now = isoTime(clock);
      insertStatement.run(id, query.ownerId, query.title, query.description, query.sql, query.visibility, now, now);
      const created = find(id);
      if (created === undefined) throw new Error(`saved query ${id} vanished right after its insert`);
      return created;
    },

    find,

    listVisible(userId, search, limit) {
      let sql = `${selectFrom} WHERE (q.owner_id = @userId OR q.visibility = 'shared')`;
      if (search) {
        sql += " AND (q.title LIKE @pattern ESCAPE '\\' OR q.description LIKE @pattern ESCAPE '\\' OR q.sql LIKE @pattern ESCAPE '\\')";
      }
      sql += ' ORDER BY q.updated_at DESC, q.id LIMIT @limit';
      const parameters = { now: isoTime(clock), userId, limit, ...(search ? { pattern: containsPattern(search) } : {}) };
      return db.prepare<typeof parameters, SavedQueryRow>(sql).all(parameters).map(toSavedQuery);
    },

    update(id, changes) {
      return db.transaction(() => {
        const current = find(id);
        if (current === undefined) return undefined;
        updateStatement.run({
          id,
          title: changes.title ?? current.title,
          description: changes.description ?? current.description,
          sql: changes.sql ?? current.sql,
          visibility: changes.visibility ?? current.visibility,
          updatedAt: isoTime(clock),
        });
        return find(id);
      })();
    },

    delete(id) {
      deleteStatement.run(id);
    },
  };
}

function toSavedQuery(row: SavedQueryRow): SavedQuery {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    sql: row.sql,
    visibility: row.visibility,
    owner: { id: row.owner_id, username: row.owner_username },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    hasSnapshot: row.has_snapshot === 1,
  };
}
