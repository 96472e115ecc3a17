import { SCHEMA_QUERY_SQL, type Cell, type SchemaResponse, type SchemaTable, type User } from '@console/shared-types';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import { upstreamBadResponse } from '../errors.js';
import type { QueryReply, QueryService } from '../query/query-service.js';
import { parseRows } from '../upstream/success-body.js';

export const SCHEMA_CACHE_MS = 10 * 60_000;

/**
 * Budget account of schema loads. SQLite gives users ids from 1, so 0 is no
 * user: a schema load spends one call of the shared budget, queued fairly like
 * a user's, and leaves the caller's own limit untouched.
 */
export const SCHEMA_BUDGET_USER_ID = 0;

export interface SchemaCatalog {
  /** Returns the tables and columns, from memory when fetched less than 10 minutes ago and `refresh` is false. */
  get(user: User, refresh: boolean): Promise<SchemaResponse>;
}

/**
 * Loads the schema for the editor's autocomplete with one query through the
 * query service, so it passes the same checks as any query and is recorded
 * under the calling user. It spends the shared budget, not the caller's own
 * limit. Every user sees the same schema because the BFF has one token, so
 * one copy is kept for everyone.
 */
export function createSchemaCatalog(queryService: QueryService, clock: Clock, log: FastifyBaseLogger): SchemaCatalog {
  let cached: { tables: SchemaTable[]; fetchedAt: string; loadedAt: number } | undefined;
  let loading: Promise<SchemaResponse> | undefined;

  async function load(user: User): Promise<SchemaResponse> {
    const response = await queryService.run(user, { sql: SCHEMA_QUERY_SQL, fresh: true }, undefined, {
      budgetUserId: SCHEMA_BUDGET_USER_ID,
    });
    if (response.truncated) {
      // NOTE: the SQL API returns at most 1000 rows, so a schema with more
      // columns than that is cut short and autocomplete misses the rest.
      log.warn({ rowCount: response.rowCount }, 'schema query truncated; autocomplete lists only part of the schema');
    }
    const tables = tablesFromResult(response);
    cached = { tables, fetchedAt: response.fetchedAt, loadedAt: clock() };
    return { tables, fetchedAt: response.fetchedAt, cached: false };
  }

  return {
    async get(user, refresh) {
      if (!refresh && cached !== undefined && clock() - cached.loadedAt < SCHEMA_CACHE_MS) {
        return { tables: cached.tables, fetchedAt: cached.fetchedAt, cached: true };
      }
      // Callers arriving while a load runs share it instead of spending budget
      // again. It runs without the first caller's abort signal, because the
      // others still wait for it when that caller goes away.
      loading ??= load(user).finally(() => {
        loading = undefined;
      });
      return loading;
    },
  };
}

function tablesFromResult(response: QueryReply): SchemaTable[] {
  const columnIndex = (name: string): number => {
    const index = response.columns.findIndex((column) => column.name.toLowerCase() === name);
    if (index < 0) throw upstreamBadResponse(`the schema query returned no ${name} column`);
    return index;
  };
  const schemaAt = columnIndex('table_schema');
  const tableAt = columnIndex('table_name');
  const columnAt = columnIndex('column_name');
  const typeAt = columnIndex('data_type');

  const tables = new Map<string, SchemaTable>();
  for (const row of parseRows(response)) {
    const schema = text(row[schemaAt]);
    const name = text(row[tableAt]);
    const key = `${schema}\u0000${name}`;
    let table = tables.get(key);
    if (table === undefined) {
      table = { schema, name, columns: [] };
      tables.set(key, table);
    }
    table.columns.push({ name: text(row[columnAt]), type: text(row[typeAt]) });
  }
  return [...tables.values()];
}

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'object' ? JSON.stringify(cell) : String(cell);
}
