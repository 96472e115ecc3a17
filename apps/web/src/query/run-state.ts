import type { QueryResponse } from '@console/shared-types';

/** Start of the SQL that ran within the editor text, 1-based, to place error underlines. */
export interface SqlOrigin {
  tabId: string;
  line: number;
  column: number;
}

export interface RunRequest {
  sql: string;
  origin: SqlOrigin;
  /** Skip the BFF's result cache. */
  fresh?: boolean;
}

export interface ResultView {
  response: QueryResponse;
  /** Epoch milliseconds when the response arrived, to age `cached.ageSeconds`. */
  receivedAt: number;
  request: RunRequest;
}

export type RunPhase = 'idle' | 'running' | 'done' | 'failed' | 'stopped';

export interface RunState {
  phase: RunPhase;
  /** The last successful result, kept on screen while the next run is under way; null after a failed run. */
  result: ResultView | null;
  /** The request of the current or last run. */
  request: RunRequest | null;
  /** Epoch milliseconds when the current or last run started. */
  startedAt: number | null;
  error: unknown;
  /** Epoch milliseconds when a rate-limited run can be retried. */
  retryDeadline: number | null;
}

export const IDLE_RUN: RunState = {
  phase: 'idle',
  result: null,
  request: null,
  startedAt: null,
  error: null,
  retryDeadline: null,
};
