import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { QueryLogRepo } from './db/query-log-repo.js';
import { createRateBudget } from './budget/rate-budget.js';
import { createQueryService, type QueryService } from './query/query-service.js';
import { createSqlApiClient, type SqlApiClient } from './upstream/sql-api-client.js';

// The SQL API returns at most 1000 rows, and even 1000 rows of 100 wide
// columns stay far below this. A bigger response is a fault, not a result.
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * Builds the query service the BFF runs with: the SQL API client, the shared
 * rate budget, and an audit record of every attempt in SQLite.
 */
export function createDefaultQueryService(
  config: Config,
  queryLog: QueryLogRepo,
  log: FastifyBaseLogger,
): { queryService: QueryService; client: SqlApiClient } {
  const client = createSqlApiClient({
    baseUrl: config.sqlApi.baseUrl,
    orgId: config.sqlApi.orgId,
    token: config.sqlApi.token,
    timeoutMs: config.sqlApi.timeoutMs,
    maxResponseBytes: MAX_RESPONSE_BYTES,
    ...(config.sqlApi.caFile === undefined ? {} : { caFile: config.sqlApi.caFile }),
  });
  const budget = createRateBudget(config.budget);
  const queryService = createQueryService({
    client,
    budget,
    cacheTtlMs: config.cacheTtlMs,
    maxSqlBytes: config.maxSqlBytes,
    recordAttempt(attempt) {
      try {
        queryLog.insert(attempt);
      } catch (error) {
        // A failed audit write must not fail the user's query, but it is an error an operator must see.
        log.error({ err: error, userId: attempt.userId, outcome: attempt.outcome }, 'audit record not written');
      }
    },
  });
  return { queryService, client };
}
