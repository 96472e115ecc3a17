import type { FastifyInstance } from 'fastify';
import type { AuditEntry, AuditList, HistoryList, QueryOutcome } from '@console/shared-types';
import { invalidRequest } from '../errors.js';
import type { AuditFilter, QueryLogRepo } from '../db/query-log-repo.js';
import { csvRecord, UTF8_BOM } from '../http/csv.js';
import { requireUser } from './query-routes.js';

const HISTORY_LIMIT = 200;
const AUDIT_PAGE_LIMIT = 1000;
// NOTE: a download contains at most this many entries, so older ones need a narrower filter.
const AUDIT_CSV_LIMIT = 100_000;

const OUTCOMES: readonly QueryOutcome[] = ['ok', 'cached', 'refused', 'rate_limited', 'sql_error', 'upstream_error'];

const searchOnly = {
  querystring: { type: 'object', properties: { search: { type: 'string', maxLength: 500 } } },
} as const;

const auditQuery = {
  querystring: {
    type: 'object',
    properties: {
      user: { type: 'string', maxLength: 200 },
      outcome: { type: 'string', enum: OUTCOMES },
      search: { type: 'string', maxLength: 500 },
      from: { type: 'string', maxLength: 40 },
      to: { type: 'string', maxLength: 40 },
    },
  },
} as const;

interface AuditQuery {
  user?: string;
  outcome?: QueryOutcome;
  search?: string;
  from?: string;
  to?: string;
}

const adminOnly = { access: 'admin', adminAction: 'read the audit log' } as const;

/** `GET /api/history` (own runs), `GET /api/audit` and `GET /api/audit.csv` (everyone's, admins only). */
export async function logRoutes(app: FastifyInstance, queryLog: QueryLogRepo): Promise<void> {
  app.get<{ Querystring: { search?: string } }>(
    '/history',
    { schema: searchOnly },
    async (request): Promise<HistoryList> => {
      const user = requireUser(request.user);
      return { entries: queryLog.history(user.id, request.query.search?.trim(), HISTORY_LIMIT) };
    },
  );

  app.get<{ Querystring: AuditQuery }>(
    '/audit',
    { schema: auditQuery, config: adminOnly },
    async (request): Promise<AuditList> => {
      return { entries: queryLog.audit(auditFilter(request.query), AUDIT_PAGE_LIMIT) };
    },
  );

  app.get<{ Querystring: AuditQuery }>(
    '/audit.csv',
    { schema: auditQuery, config: adminOnly },
    async (request, reply) => {
      const entries = queryLog.audit(auditFilter(request.query), AUDIT_CSV_LIMIT);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${stamp}.csv"`)
        .header('cache-control', 'no-store')
        .send(auditCsv(entries));
    },
  );
}

const CSV_HEADER = ['id', 'started_at', 'user_id', 'username', 'outcome', 'error_code', 'duration_ms', 'row_count', 'sql'];

export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [UTF8_BOM + csvRecord(CSV_HEADER)];
  for (const entry of entries) {
    lines.push(
      csvRecord([
        entry.id,
        entry.startedAt,
        entry.user.id,
        entry.user.username,
        entry.outcome,
        entry.errorCode,
        entry.durationMs,
        entry.rowCount,
        entry.sql,
      ]),
    );
  }
  return lines.join('');
}

function auditFilter(query: AuditQuery): AuditFilter {
  const filter: AuditFilter = {};
  if (query.user?.trim()) filter.username = query.user.trim();
  if (query.outcome) filter.outcome = query.outcome;
  if (query.search?.trim()) filter.search = query.search.trim();
  if (query.from) filter.from = parseTime('from', query.from);
  if (query.to) filter.to = parseTime('to', query.to);
  return filter;
}

/** Reads an ISO 8601 date or date-time; a date alone means midnight UTC. */
function parseTime(name: string, value: string): string {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) {
    throw invalidRequest(`${name} must be an ISO 8601 date or time such as 2025-01-31 or 2025-01-31T12:00:00Z, got ${JSON.stringify(value)}`);
  }
  return new Date(time).toISOString();
}
