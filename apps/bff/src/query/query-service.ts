import type { BudgetStatus, QueryOutcome, QueryRequest, QueryResponse } from '@console/shared-types';
import type { RateBudget } from '../budget/rate-budget.js';
import { DEFAULT_CACHE_MAX_BYTES, DEFAULT_CACHE_MAX_ENTRIES, createResultCache } from '../cache/result-cache.js';
import { AppError, internalError, invalidRequest, notReadOnly, sqlTooLarge, upstreamRateLimited } from '../errors.js';
import { type ReadOnlyCheck, checkReadOnly } from '../sql/read-only-check.js';
import { normalizeSql } from '../sql/normalize.js';
import type { SqlApiClient, UpstreamResult } from '../upstream/sql-api-client.js';
import { DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS } from '../upstream/status-errors.js';
import { type StoredRun, createRunStore } from './run-store.js';

export type { StoredRun } from './run-store.js';

/** One query attempt, for the history and the audit log. */
export interface QueryAttempt {
  userId: number;
  sql: string;
  startedAt: Date;
  durationMs: number;
  rowCount: number | null;
  outcome: QueryOutcome;
  errorCode: string | null;
}

export interface QueryServiceDeps {
  client: SqlApiClient;
  budget: RateBudget;
  /** How long an identical query is served from the cache. 0 turns the cache off. */
  cacheTtlMs: number;
  maxSqlBytes: number;
  recordAttempt(attempt: QueryAttempt): void;
  now?: () => number;
  cacheMaxEntries?: number;
  cacheMaxBytes?: number;
  /** The SELECT-only check and the cache key function, the real ones when absent. */
  checkReadOnly?: (sql: string) => ReadOnlyCheck;
  normalizeSql?: (sql: string) => string;
}

export interface RunOptions {
  /**
   * Whose per-user limit the call counts against; the caller's by default.
   * The console's own calls, such as loading the schema, pass their own id so
   * that they spend only the shared budget, never the user's share.
   */
  budgetUserId?: number;
}

/** The body of `POST /api/query` with the rows still as the SQL API's JSON text; `queryResponseBody` writes it out. */
export type QueryReply = Omit<QueryResponse, 'rows'> & { rowsJson: Buffer };

export interface QueryService {
  /** Runs a query for a user and records the attempt, whatever its outcome. Throws `AppError`. */
  run(user: { id: number }, request: QueryRequest, signal?: AbortSignal, options?: RunOptions): Promise<QueryReply>;
  /** Returns a recent run of that user (kept about 15 minutes), to save it as a snapshot. */
  getRun(runId: string, userId: number): StoredRun | undefined;
  budgetStatus(userId: number): BudgetStatus;
}

const RUN_KEEP_MS = 15 * 60_000;
// A run is kept only so that the result on the user's screen can be saved as a snapshot.
const RUNS_PER_USER = 3;
const RUNS_MAX_BYTES = 32 * 1024 * 1024;

/** Recorded as the error code when the user's request went away before the query ended. */
export const CANCELLED_ERROR_CODE = 'cancelled';

/**
 * Creates the service behind `POST /api/query`. The checks run from the
 * cheapest to the most costly, so a query that cannot run spends no budget:
 * size, SELECT-only check, cache, rate budget, and only then the SQL API.
 */
export function createQueryService(deps: QueryServiceDeps): QueryService {
  const now = deps.now ?? (() => Date.now());
  const check = deps.checkReadOnly ?? checkReadOnly;
  const cacheKey = deps.normalizeSql ?? normalizeSql;
  const cache = createResultCache({
    ttlMs: deps.cacheTtlMs,
    maxEntries: deps.cacheMaxEntries ?? DEFAULT_CACHE_MAX_ENTRIES,
    maxBytes: deps.cacheMaxBytes ?? DEFAULT_CACHE_MAX_BYTES,
    now,
  });
  const runs = createRunStore({
    keepMs: RUN_KEEP_MS,
    maxPerUser: RUNS_PER_USER,
    maxBytes: RUNS_MAX_BYTES,
    now,
  });

  async function run(
    user: { id: number },
    request: QueryRequest,
    signal?: AbortSignal,
    options: RunOptions = {},
  ): Promise<QueryReply> {
    const startedAt = now();
    const { sql } = request;
    const record = (outcome: QueryOutcome, errorCode: string | null, rowCount: number | null = null, recordedSql = sql) =>
      deps.recordAttempt({
        userId: user.id,
        sql: recordedSql,
        startedAt: new Date(startedAt),
        durationMs: now() - startedAt,
        rowCount,
        outcome,
        errorCode,
      });

    if (typeof sql !== 'string') throw invalidRequest('"sql" must be a string of SQL text');

    const sizeBytes = Buffer.byteLength(sql, 'utf8');
    if (sizeBytes > deps.maxSqlBytes) {
      // NOTE: the audit keeps only the first maxSqlBytes bytes, so an oversized text cannot bloat it.
      record('refused', 'sql_too_large', null, Buffer.from(sql, 'utf8').subarray(0, deps.maxSqlBytes).toString('utf8'));
      throw sqlTooLarge(sizeBytes, deps.maxSqlBytes);
    }

    const verdict = check(sql);
    if (!verdict.ok) {
      record('refused', 'not_read_only');
      throw notReadOnly(verdict.found, verdict.position);
    }

    const key = cacheKey(sql);
    if (request.fresh !== true) {
      const hit = cache.get(key);
      if (hit) {
        record('cached', null, hit.result.rowCount);
        const ageSeconds = Math.max(0, Math.floor((now() - hit.fetchedAt) / 1000));
        return respond(user.id, sql, hit.result, hit.fetchedAt, { ageSeconds });
      }
    }

    try {
      await deps.budget.acquire(options.budgetUserId ?? user.id, signal);
    } catch (error) {
      record('rate_limited', errorCodeOf(error, signal));
      throw error;
    }

    let result: UpstreamResult;
    try {
      result = await deps.client.query(sql, signal);
    } catch (error) {
      if (error instanceof AppError && error.code === 'upstream_rate_limited') {
        const seconds = error.retryAfterSeconds ?? DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS;
        deps.budget.pauseFor(seconds);
        record('rate_limited', error.code);
        throw upstreamRateLimited(seconds, deps.budget.status(user.id));
      }
      const failure = error instanceof AppError || signal?.aborted ? error : internalError(error);
      record(outcomeOf(failure), errorCodeOf(failure, signal));
      throw failure;
    }

    const fetchedAt = now();
    cache.set(key, { result, fetchedAt });
    record('ok', null, result.rowCount);
    return respond(user.id, sql, result, fetchedAt, null);
  }

  function respond(
    userId: number,
    sql: string,
    result: UpstreamResult,
    fetchedAt: number,
    cached: QueryResponse['cached'],
  ): QueryReply {
    const fetchedDate = new Date(fetchedAt);
    return {
      runId: runs.add(userId, sql, result, fetchedDate),
      columns: result.columns,
      rowsJson: result.rowsJson,
      rowCount: result.rowCount,
      truncated: result.truncated,
      executionTimeMs: result.executionTimeMs,
      fetchedAt: fetchedDate.toISOString(),
      cached,
      budget: deps.budget.status(userId),
    };
  }

  return {
    run,
    getRun: (runId, userId) => runs.get(runId, userId),
    budgetStatus: (userId) => deps.budget.status(userId),
  };
}

/** Classifies a failure: the engine rejected or stopped the query itself, or the call failed on the way. */
function outcomeOf(error: unknown): QueryOutcome {
  if (error instanceof AppError && (error.code === 'sql_error' || error.code === 'query_timeout')) return 'sql_error';
  return 'upstream_error';
}

function errorCodeOf(error: unknown, signal: AbortSignal | undefined): string {
  if (error instanceof AppError) return error.code;
  return signal?.aborted ? CANCELLED_ERROR_CODE : 'internal_error';
}

/**
 * Writes a reply as the JSON text of a `QueryResponse`. The rows go out as
 * the SQL API sent them, so a large result is neither parsed nor encoded again.
 */
export function queryResponseBody(reply: QueryReply): Buffer {
  const { rowsJson, ...fields } = reply;
  // `fields` has keys, so its JSON starts with "{" followed by the first key.
  return Buffer.concat([ROWS_KEY, rowsJson, Buffer.from(`,${JSON.stringify(fields).slice(1)}`, 'utf8')]);
}

const ROWS_KEY = Buffer.from('{"rows":', 'utf8');
