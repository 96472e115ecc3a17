import type { AuditEntry, HistoryEntry, QueryOutcome } from '@console/shared-types';
import type { QueryAttempt } from '../query/query-service.js';
import type { Db } from './database.js';
import { containsPattern } from './like-pattern.js';


export interface AuditFilter {
  username?: string;
  outcome?: QueryOutcome;
  search?: string;
  /** ISO 8601 time; entries that started at or after it. */
  from?: string;
  /** ISO 8601 time; entries that started before it. */
  to?: string;
}

interface LogRow {
  id: number;
  user_id: number;
  username: string;
  sql: string;
  started_at: string;
  duration_ms: number;
  row_count: number | null;
  outcome: QueryOutcome;
  error_code: string | null;
}

export interface QueryLogRepo {
  insert(attempt: QueryAttempt): void;
  /** A user's own attempts, newest first. */
  history(userId: number, search: string | undefined, limit: number): HistoryEntry[];
  /** Everyone's attempts matching the filter, newest first. */
  audit(filter: AuditFilter, limit: number): AuditEntry[];
}

export function createQueryLogRepo(db: Db): QueryLogRepo {
  const insertStatement = db.prepare<[number, string, string, number, number | null, QueryOutcome, string | null]>(`
    INSERT INTO query_log (user_id, sql, started_at, duration_ms, row_count, outcome, error_code)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const selectFrom = `
    SELECT q.id, q.user_id, u.username, q.sql, q.started_at, q.duration_ms, q.row_count, q.outcome, q.error_code
    FROM query_log q JOIN users u ON u.id = q.user_id`;

  // Builds the WHERE clause from whichever filters are set, newest first.
  const select = (filter: AuditFilter & { userId?: number }, limit: number): LogRow[] => {
    const conditions: string[] = [];
    const parameters: (string | number)[] = [];
    const add = (condition: string, value: string | number | undefined) => {
      if (value === undefined || value === '') return;
      conditions.push(condition);
      parameters.push(value);
    };
    add('q.user_id = ?', filter.userId);
    add('u.username = ?', filter.username);
    add('q.outcome = ?', filter.outcome);
    add("q.sql LIKE ? ESCAPE '\\'", filter.search ? containsPattern(filter.search) : undefined);
    add('q.started_at >= ?', filter.from);
    add('q.started_at < ?', filter.to);

    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const sql = `${selectFrom} ${where} ORDER BY q.id DESC LIMIT ?`;
    return db.prepare<(string | number)[], LogRow>(sql).all(...parameters, limit);
  };

  return {
    insert(attempt) {
      insertStatement.run(
        attempt.userId,
        attempt.sql,
        attempt.startedAt.toISOString(),
        Math.max(0, Math.round(attempt.durationMs)),
        attempt.rowCount,
        attempt.outcome,
        attempt.errorCode,
      );
    },

    history: (userId, search, limit) => select({ userId, ...(search ? { search } : {}) }, limit).map(toHistoryEntry),

    audit: (filter, limit) =>
      select(filter, limit).map((row) => ({ ...toHistoryEntry(row), user: { id: row.user_id, username: row.username } })),
  };
}

function toHistoryEntry(row: LogRow): HistoryEntry {
  return {
    id: row.id,
    sql: row.sql,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    rowCount: row.row_count,
    outcome: row.outcome,
    errorCode: row.error_code,
  };
}
