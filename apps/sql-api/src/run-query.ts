import { StatementType, type DuckDBConnection, type DuckDBInstance, type DuckDBPreparedStatement } from '@duckdb/node-api';
import type { JsonCell } from './cell-encoding.js';
import { columnEncoder } from './cell-encoding.js';
import { vendorTypeName } from './column-types.js';
import { multipleStatements, notReadOnly, queryCancelled, queryTimeout, sqlError, SqlApiError } from './errors.js';
import { errorMessage, splitEngineMessage } from './engine-message.js';
import { appendEncodedRows } from './encode-rows.js';

export interface QueryLimits {
  maxRows: number;
  timeoutMs: number;
  /** Aborting it interrupts the query, as when the client goes away or the server stops. */
  signal?: AbortSignal;
}

export interface QueryResult {
  columns: { name: string; type: string }[];
  rows: JsonCell[][];
  truncated: boolean;
}

/**
 * Runs one statement that the classifier accepted, on a fresh connection.
 * Rows are streamed chunk by chunk and at most maxRows + 1 of them are
 * converted, the last only to learn that the result was truncated. When the
 * time limit passes, the connection is interrupted, so the engine stops work
 * instead of finishing a query whose reply would be discarded.
 */
export async function runQuery(instance: DuckDBInstance, sql: string, limits: QueryLimits): Promise<QueryResult> {
  const connection = await instance.connect();
  let timedOut = false;
  const interrupt = (): void => connection.interrupt();
  const timer = setTimeout(() => {
    timedOut = true;
    interrupt();
  }, limits.timeoutMs);
  if (limits.signal?.aborted) interrupt();
  limits.signal?.addEventListener('abort', interrupt);
  let prepared: DuckDBPreparedStatement | undefined;

  try {
    prepared = await prepareSingleSelect(connection, sql);
    const result = await prepared.stream();
    const types = result.columnTypes();
    const columns = result.columnNames().map((name, index) => {
      const type = types[index];
      return { name, type: type ? vendorTypeName(type) : 'STRING' };
    });

    const encoders = types.map(columnEncoder);
    const rows: JsonCell[][] = [];
    const rowsNeeded = limits.maxRows + 1;
    while (rows.length < rowsNeeded) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const take = Math.min(chunk.rowCount, rowsNeeded - rows.length);
      appendEncodedRows(chunk, encoders, take, rows);
    }
    if (timedOut) throw queryTimeout(limits.timeoutMs);
    if (limits.signal?.aborted) throw queryCancelled();

    const truncated = rows.length > limits.maxRows;
    if (truncated) rows.length = limits.maxRows;
    return { columns, rows, truncated };
  } catch (error) {
    if (error instanceof SqlApiError) throw error;
    if (timedOut) throw queryTimeout(limits.timeoutMs);
    if (limits.signal?.aborted) throw queryCancelled();
    const engineError = splitEngineMessage(errorMessage(error), sql);
    throw sqlError(engineError.message, engineError.position);
  } finally {
    clearTimeout(timer);
    limits.signal?.removeEventListener('abort', interrupt);
    prepared?.destroySync();
    connection.closeSync();
  }
}

// The classifier has already accepted the text; these checks repeat its
// decision with the organization's own parser and fail closed if they differ.
async function prepareSingleSelect(connection: DuckDBConnection, sql: string): Promise<DuckDBPreparedStatement> {
  const extracted = await connection.extractStatements(sql);
  if (extracted.count !== 1) throw multipleStatements(extracted.count);
  const prepared = await extracted.prepare(0);
  if (prepared.statementType !== StatementType.SELECT) {
    prepared.destroySync();
    throw notReadOnly(StatementType[prepared.statementType] ?? 'non-SELECT');
  }
  return prepared;
}
