/**
 * Request and response bodies of the BFF's HTTP API under `/api`, shared by the
 * BFF and the web app. Times are ISO 8601 strings in UTC; durations are in
 * milliseconds unless the name says otherwise.
 */

// ---------------------------------------------------------------------------
// Cells and columns

/**
 * One cell as the SQL API sent it. Numbers that a JavaScript number cannot hold
 * exactly (64-bit integers above 2^53, DECIMAL with many digits) arrive as
 * strings and must stay strings all the way to the screen and to CSV files.
 * ARRAY, MAP and STRUCT values are JSON values.
 */
export type Cell = string | number | boolean | null | Cell[] | { [key: string]: Cell };

/** A result column; `type` is the vendor engine's type name, e.g. `DECIMAL(38,9)`. */
export interface Column {
  name: string;
  type: string;
}

// ---------------------------------------------------------------------------
// Session

export type Role = 'admin' | 'user';

export interface User {
  id: number;
  username: string;
  role: Role;
}

/** `POST /api/session` request body. */
export interface SignInRequest {
  username: string;
  password: string;
}

/** `POST /api/session` and `GET /api/session` response body. */
export interface SessionResponse {
  user: User;
  /** Send as the `x-csrf-token` header on every state-changing call. */
  csrfToken: string;
}

// ---------------------------------------------------------------------------
// Rate budget

export interface BudgetWindow {
  /** Calls allowed per window. */
  limit: number;
  /** Calls left in the current rolling window. */
  remaining: number;
  /** Seconds until one more call is allowed; 0 when `remaining` > 0. */
  resetInSeconds: number;
  windowSeconds: number;
}

/** `GET /api/budget` response body, also included in query responses. */
export interface BudgetStatus {
  user: BudgetWindow;
  shared: BudgetWindow;
  /** Set while the SQL API's own 429 has paused every call: seconds left. */
  upstreamPausedForSeconds: number;
}

// ---------------------------------------------------------------------------
// Query

/** `POST /api/query` request body. */
export interface QueryRequest {
  sql: string;
  /** Skip the result cache and spend budget on a fresh run. */
  fresh?: boolean;
}

/** `POST /api/query` response body. */
export interface QueryResponse {
  /** Identifies this result on the BFF for a short while, e.g. to save it as a snapshot. */
  runId: string;
  columns: Column[];
  rows: Cell[][];
  rowCount: number;
  /** True when the SQL API stopped at its row limit: more rows exist. */
  truncated: boolean;
  /** Execution time reported by the SQL API. */
  executionTimeMs: number;
  /** Time the SQL API responded. */
  fetchedAt: string;
  /** Set when the response came from the BFF's cache and cost no budget. */
  cached: { ageSeconds: number } | null;
  budget: BudgetStatus;
}

// ---------------------------------------------------------------------------
// Schema

export interface SchemaColumn {
  name: string;
  type: string;
}

export interface SchemaTable {
  schema: string;
  name: string;
  columns: SchemaColumn[];
}

/**
 * The query the BFF runs to list tables and columns for `GET /api/schema`.
 * Both DuckDB and Databricks SQL name these `information_schema.columns`
 * fields the same. It is recorded in the caller's history like any query, so
 * the web app labels it there.
 */
export const SCHEMA_QUERY_SQL = `SELECT table_schema, table_name, column_name, data_type
FROM information_schema.columns
WHERE table_schema NOT IN ('information_schema', 'pg_catalog')
ORDER BY table_schema, table_name, ordinal_position`;

/** `GET /api/schema` response body; `?refresh=1` fetches it anew. */
export interface SchemaResponse {
  tables: SchemaTable[];
  fetchedAt: string;
  cached: boolean;
}

// ---------------------------------------------------------------------------
// Saved queries and share links

export type Visibility = 'private' | 'shared';

export interface SavedQuery {
  /** Unguessable id, also used in the share link `/q/<id>`. */
  id: string;
  title: string;
  description: string;
  sql: string;
  visibility: Visibility;
  owner: { id: number; username: string };
  createdAt: string;
  updatedAt: string;
  /** Whether a result snapshot is attached and not yet expired. */
  hasSnapshot: boolean;
}

/** `POST /api/saved-queries` request body. */
export interface CreateSavedQueryRequest {
  title: string;
  description?: string;
  sql: string;
  visibility?: Visibility;
}

/** `PATCH /api/saved-queries/:id` request body. */
export interface UpdateSavedQueryRequest {
  title?: string;
  description?: string;
  sql?: string;
  visibility?: Visibility;
}

/** `PUT /api/saved-queries/:id/snapshot` request body: attach a recent result of the caller's. */
export interface SaveSnapshotRequest {
  runId: string;
}

export interface Snapshot {
  columns: Column[];
  rows: Cell[][];
  rowCount: number;
  truncated: boolean;
  executionTimeMs: number;
  fetchedAt: string;
  expiresAt: string;
}

/** `GET /api/saved-queries/:id` response body. */
export interface SavedQueryDetail extends SavedQuery {
  snapshot: Snapshot | null;
}

/** `GET /api/saved-queries?search=` response body. */
export interface SavedQueryList {
  queries: SavedQuery[];
}

// ---------------------------------------------------------------------------
// History and audit

/** Outcome of a query attempt. */
export type QueryOutcome =
  | 'ok'
  | 'cached'
  | 'refused'
  | 'rate_limited'
  | 'sql_error'
  | 'upstream_error';

export interface HistoryEntry {
  id: number;
  sql: string;
  startedAt: string;
  durationMs: number;
  rowCount: number | null;
  outcome: QueryOutcome;
  /** Error code when the outcome is not `ok` or `cached`. */
  errorCode: string | null;
}

/** `GET /api/history?search=` response body. */
export interface HistoryList {
  entries: HistoryEntry[];
}

export interface AuditEntry extends HistoryEntry {
  user: { id: number; username: string };
}

/** `GET /api/audit?user=&outcome=&search=` response body (admins only); `GET /api/audit.csv` for the file. */
export interface AuditList {
  entries: AuditEntry[];
}
