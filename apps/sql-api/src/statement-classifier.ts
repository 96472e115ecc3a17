import { DuckDBInstance, type DuckDBConnection, type DuckDBPreparedStatement } from '@duckdb/node-api';
import { emptyQuery, multipleStatements, notReadOnly, sqlError } from './errors.js';
import { positionFromCodePointOffset } from './engine-message.js';
import { describeStatementKind } from './statement-kind.js';
import { LOCKED_DOWN_OPTIONS } from './engine-options.js';

const SERIALIZE_SQL = 'SELECT json_serialize_sql($1::VARCHAR)';

/** Connections kept for reuse; more are opened while more requests classify at once. */
const MAX_IDLE_SESSIONS = 4;

/** A connection with the serializing statement prepared on it. One request uses it at a time. */
interface ClassifierSession {
  connection: DuckDBConnection;
  statement: DuckDBPreparedStatement;
}

interface SerializedSql {
  error: boolean;
  error_type?: string;
  error_message?: string;
  position?: string;
  statements?: unknown[];
}

/**
 * Decides, with DuckDB's own parser and before anything is bound or run,
 * whether SQL text is exactly one SELECT statement. `json_serialize_sql`
 * parses without binding and serializes only SELECT statements, so it both
 * finds syntax errors and separates queries from every other statement.
 * SHOW, DESCRIBE, SUMMARIZE, VALUES and FROM-first queries count as SELECT,
 * because DuckDB parses them into one. It runs on its own in-memory, locked-down database with no
 * tables, so classifying cannot touch an organization's data. Statement
 * extraction comes only after this check, because extracting IMPORT DATABASE
 * already reads the files it names.
 *
 * The statement is prepared once per connection and connections are reused,
 * because opening and preparing took half of the 0.8 ms of each check.
 */
export class StatementClassifier {
  private readonly instance: DuckDBInstance;
  private readonly idle: ClassifierSession[] = [];
  private closed = false;

  private constructor(instance: DuckDBInstance) {
    this.instance = instance;
  }

  static async create(): Promise<StatementClassifier> {
    return new StatementClassifier(await DuckDBInstance.create(':memory:', LOCKED_DOWN_OPTIONS));
  }

  /** Throws a SqlApiError unless `sql` is a single SELECT statement. */
  async assertSingleSelect(sql: string): Promise<void> {
    const serialized = await this.serialize(sql);

    if (serialized.error) {
      if (serialized.error_type === 'parser') {
        const offset = Number(serialized.position);
        const position = Number.isInteger(offset) ? positionFromCodePointOffset(sql, offset) : undefined;
        throw sqlError(`Parser Error: ${serialized.error_message ?? 'syntax error'}`, position);
      }
      const kind = describeStatementKind(sql);
      if (kind.statementCount > 1) throw multipleStatements(kind.statementCount);
      throw notReadOnly(kind.name, kind.position);
    }

    const count = serialized.statements?.length ?? 0;
    if (count === 0) throw emptyQuery();
    if (count > 1) throw multipleStatements(count);
  }

  close(): void {
    this.closed = true;
    for (const session of this.idle.splice(0)) closeSession(session);
    this.instance.closeSync();
  }

  private async serialize(sql: string): Promise<SerializedSql> {
    const session = this.idle.pop() ?? (await this.openSession());
    let reusable = false;
    try {
      session.statement.bindVarchar(1, sql);
      const reader = await session.statement.runAndReadAll();
      reusable = true;
      return parseSerializedSql(reader.getRows()[0]?.[0]);
    } finally {
      // A session whose run failed is not trusted again.
      if (reusable && !this.closed && this.idle.length < MAX_IDLE_SESSIONS) this.idle.push(session);
      else closeSession(session);
    }
  }

  private async openSession(): Promise<ClassifierSession> {
    const connection = await this.instance.connect();
    try {
      return { connection, statement: await connection.prepare(SERIALIZE_SQL) };
    } catch (error) {
      connection.closeSync();
      throw error;
    }
  }
}

function closeSession(session: ClassifierSession): void {
  session.statement.destroySync();
  session.connection.closeSync();
}

function parseSerializedSql(cell: unknown): SerializedSql {
  if (typeof cell !== 'string') throw new Error('json_serialize_sql returned no text');
  const parsed: unknown = JSON.parse(cell);
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { error?: unknown }).error !== 'boolean') {
    throw new Error('json_serialize_sql returned an unexpected shape');
  }
  return parsed as SerializedSql;
}
