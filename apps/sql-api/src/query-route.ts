import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  asyncNotSupported,
  invalidRequest,
  missingToken,
  organizationNotFound,
  otherOrganization,
  rateLimited,
  roleNotAllowed,
  unknownToken,
} from './errors.js';
import { isValidOrgId } from './data-dir.js';
import type { OrgDatabases } from './org-databases.js';
import type { RollingRateLimiter } from './rate-limiter.js';
import { runQuery } from './run-query.js';
import type { StatementClassifier } from './statement-classifier.js';
import { QUERY_ROLES, type TokenLookup, type TokenRecord } from './token-store.js';

export interface QueryRouteContext {
  tokens: TokenLookup;
  rateLimiter: RollingRateLimiter;
  databases: OrgDatabases;
  classifier: StatementClassifier;
  maxRows: number;
  timeoutMs: number;
  /** Aborted when the server stops, to interrupt queries still running. */
  shutdownSignal: AbortSignal;
}

interface QueryBody {
  sql_query: string;
  async_query: boolean;
}

/**
 * Registers `POST /v1/:orgId/admin/sql_query`. Checks run in this order:
 * token (401), rate limit (429), role and organization (403, 404), body
 * (400), read-only classification (400), then the query itself.
 */
export function registerQueryRoute(app: FastifyInstance, context: QueryRouteContext): void {
  app.post<{ Params: { orgId: string } }>('/v1/:orgId/admin/sql_query', async (request, reply) => {
    const token = await authenticate(request, context);

    const decision = context.rateLimiter.take(token.id);
    if (!decision.allowed) {
      void reply.header('Retry-After', String(decision.retryAfterSeconds));
      throw rateLimited(context.rateLimiter.limit, decision.retryAfterSeconds);
    }

    const { orgId } = request.params;
    if (!QUERY_ROLES.includes(token.role)) throw roleNotAllowed(token.role);
    if (token.org !== orgId) throw otherOrganization(orgId);
    const database = isValidOrgId(orgId) ? await context.databases.get(orgId) : undefined;
    if (!database) throw organizationNotFound(orgId);

    const body = parseBody(request.body);
    if (body.async_query) throw asyncNotSupported();

    const startedAt = performance.now();
    await context.classifier.assertSingleSelect(body.sql_query);
    const result = await runQuery(database, body.sql_query, {
      maxRows: context.maxRows,
      timeoutMs: context.timeoutMs,
      signal: AbortSignal.any([abortSignalForClient(request, reply), context.shutdownSignal]),
    });
    const executionTimeMs = Math.round(performance.now() - startedAt);

    request.log.info(
      { orgId, tokenId: token.id, rows: result.rows.length, truncated: result.truncated, executionTimeMs },
      'query finished',
    );
    return {
      execution_time_ms: executionTimeMs,
      truncated: result.truncated,
      columns: result.columns,
      result: result.rows,
    };
  });
}

async function authenticate(request: FastifyRequest, context: QueryRouteContext): Promise<TokenRecord> {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  const presented = match?.[1];
  if (presented === undefined) throw missingToken();
  const token = await context.tokens.find(presented);
  if (!token) throw unknownToken();
  return token;
}

function parseBody(body: unknown): QueryBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidRequest('expected a JSON object');
  }
  const { sql_query: sqlQuery, async_query: asyncQuery } = body as Record<string, unknown>;
  if (typeof sqlQuery !== 'string') throw invalidRequest('"sql_query" must be a string');
  if (sqlQuery.trim() === '') throw invalidRequest('"sql_query" is empty');
  if (asyncQuery !== undefined && typeof asyncQuery !== 'boolean') {
    throw invalidRequest('"async_query" must be true or false');
  }
  return { sql_query: sqlQuery, async_query: asyncQuery === true };
}

// Interrupts the query when the client closes the connection before the
// reply is sent, so an abandoned query does not keep a core busy.
function abortSignalForClient(request: FastifyRequest, reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) {
      request.log.info('client closed the connection, interrupting the query');
      controller.abort();
    }
  });
  return controller.signal;
}
