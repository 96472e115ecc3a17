import type { Cell, Column, Snapshot } from '@console/shared-types';
import { isoTime, type Clock } from '../clock.js';
import type { Db } from './database.js';

interface SnapshotRow {
  columns: string;
  rows: string;
  row_count: number;
  truncated: number;
  execution_time_ms: number;
  fetched_at: string;
  expires_at: string;
}

export interface SnapshotsRepo {
  /** Attaches a snapshot to a saved query, replacing any earlier one. */
  put(savedQueryId: string, snapshot: Snapshot): void;
  /** Returns the snapshot when it has not expired; an expired one is deleted on the way. */
  find(savedQueryId: string): Snapshot | undefined;
  delete(savedQueryId: string): boolean;
  /** Deletes every expired snapshot; returns how many. */
  deleteExpired(): number;
}

export function createSnapshotsRepo(db: Db, clock: Clock): SnapshotsRepo {
  const putStatement = db.prepare<[string, string, string, number, number, number, string, string]>(`
    INSERT OR REPLACE INTO snapshots
      (saved_query_id, columns, rows, row_count, truncated, execution_time_ms, fetched_at, expires_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const findStatement = db.prepare<[string], SnapshotRow>(`
    SELECT columns, rows, row_count, truncated, execution_time_ms, fetched_at, expires_at
    FROM snapshots WHERE saved_query_id = ?`);
  const deleteStatement = db.prepare<[string]>('DELETE FROM snapshots WHERE saved_query_id = ?');
  const deleteExpiredStatement = db.prepare<[string]>('DELETE FROM snapshots WHERE expires_at <= ?');

  return {
    put(savedQueryId, snapshot) {
      putStatement.run(
        savedQueryId,
        JSON.stringify(snapshot.columns),
        JSON.stringify(snapshot.rows),
        snapshot.rowCount,
        snapshot.truncated ? 1 : 0,
        Math.round(snapshot.executionTimeMs),
        snapshot.fetchedAt,
        snapshot.expiresAt,
      );
    },

    find(savedQueryId) {
      const row = findStatement.get(savedQueryId);
      if (row === undefined) return undefined;
      if (row.expires_at <= isoTime(clock)) {
        deleteStatement.run(savedQueryId);
        return undefined;
      }
      return {
        columns: JSON.parse(row.columns) as Column[],
        rows: JSON.parse(row.rows) as Cell[][],
        rowCount: row.row_count,
        truncated: row.truncated === 1,
        executionTimeMs: row.execution_time_ms,
        fetchedAt: row.fetched_at,
        expiresAt: row.expires_at,
      };
    },

    delete: (savedQueryId) => deleteStatement.run(savedQueryId).changes > 0,

    deleteExpired: () => deleteExpiredStatement.run(isoTime(clock)).changes,
  };
}
