import type { SchemaTable } from '@console/shared-types';
import { segmentIndexAt, splitStatements } from '../statement-at-cursor.js';
import { cursorPosition, type CursorContext } from './cursor-context.js';
import { SQL_FUNCTIONS } from './functions.js';
import { QUERY_KEYWORDS, TYPE_NAMES } from './keywords.js';
import { quoteIdentifier, type IdentifierQuote } from './quote-identifier.js';
import { catalogFor, type SchemaCatalog } from './schema-catalog.js';
import { lexSql } from './sql-lexer.js';
import { buildStatementTokens } from './statement-tokens.js';
import { StatementScope, type ScopeColumn, type TableSource } from './table-scope.js';

export type CompletionKind = 'table' | 'column' | 'alias' | 'schema' | 'function' | 'keyword';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** A short note shown next to the label: a column's type and table, a function's signature. */
  detail?: string;
  insertText: string;
  /** Orders items before the editor's own ranking: columns, then tables, functions and keywords. */
  sortText?: string;
  /** True when `insertText` is a snippet with a `$0` cursor stop, as for `lower($0)`. */
  isSnippet?: boolean;
}

export interface CompletionResult {
  items: CompletionItem[];
  /** Offsets of the text the chosen item replaces: the name being typed, or an empty range at the cursor. */
  replaceStart: number;
  replaceEnd: number;
}

export interface CompletionOptions {
  /** Quote for names that need one; default the backtick of Spark SQL. */
  identifierQuote?: IdentifierQuote;
}

/** Sort groups, so that names from the schema come before functions and keywords. */
const GROUP = { column: '0', source: '1', schema: '2', function: '3', keyword: '4' } as const;

/** Builds the items of one completion request. */
class ItemBuilder {
  readonly items: CompletionItem[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly catalog: SchemaCatalog,
    private readonly scope: StatementScope,
    private readonly quoteName: (name: string) => string,
  ) {}

  add(item: CompletionItem): void {
    const key = `${item.kind}\u0000${item.label}\u0000${item.detail ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(item);
  }

  columns(columns: readonly ScopeColumn[], owner: string): void {
    for (const column of columns) {
      this.add({
        label: column.name,
        kind: 'column',
        detail: column.type === '' ? owner : `${column.type} · ${owner}`,
        insertText: this.quoteName(column.name),
        sortText: GROUP.column + column.name.toLowerCase(),
      });
    }
  }

  tables(tables: readonly SchemaTable[], qualifyAmbiguous: boolean): void {
    for (const table of tables) {
      const qualify = qualifyAmbiguous && this.catalog.isAmbiguous(table.name);
      const label = qualify ? `${table.schema}.${table.name}` : table.name;
      const name = this.quoteName(table.name);
      this.add({
        label,
        kind: 'table',
        detail: `table in ${table.schema}, ${table.columns.length} columns`,
        insertText: qualify ? `${this.quoteName(table.schema)}.${name}` : name,
        sortText: GROUP.source + label.toLowerCase(),
      });
    }
  }

  tablePosition(): void {
    for (const cte of this.scope.ctes) {
      this.add({
        label: cte.name,
        kind: 'table',
        detail: 'CTE',
        insertText: this.quoteName(cte.name),
        sortText: GROUP.source + '0',
      });
    }
    this.tables(this.catalog.tables, true);
    if (this.catalog.schemas.length > 1) {
      for (const schema of this.catalog.schemas) {
        this.add({
          label: schema,
          kind: 'schema',
          detail: 'schema',
          insertText: this.quoteName(schema),
          sortText: GROUP.schema + schema.toLowerCase(),
        });
      }
    }
  }

  /** Adds what may follow `parts.`: columns of an alias, table or CTE, or tables of a schema. */
  qualified(parts: readonly string[], inFrom: boolean, nearIndex: number): void {
    const only = parts.length === 1 ? parts[0] : undefined;
    if (!inFrom) {
      const source = only === undefined ? undefined : this.scope.findSource(only, undefined, nearIndex);
      const cte = only === undefined ? undefined : this.scope.findCte(only);
      if (source !== undefined) {
        this.columns(this.scope.columnsOf(source), sourceLabel(source));
      } else if (cte !== undefined) {
        this.columns(this.scope.cteColumns(cte), cte.name);
      } else {
        const table = this.catalog.find(parts);
        if (table !== undefined) this.columns(table.columns, `${table.schema}.${table.name}`);
      }
    }
    // `schema.` or `catalog.schema.` lists the tables of that schema.
    const schema = parts[parts.length - 1];
    if (parts.length <= 2 && schema !== undefined && this.catalog.hasSchema(schema)) {
      this.tables(this.catalog.tablesInSchema(schema), false);
    }
  }

  expression(): void {
    const sourceColumns = new Set<string>();
    for (const source of this.scope.sources) {
      const reference = this.scope.referenceName(source);
      if (reference === null) continue;
      const columns = this.scope.columnsOf(source);
      for (const column of columns) sourceColumns.add(column.name.toLowerCase());
      this.columns(columns, reference);
      this.add({
        label: reference,
        kind: source.alias === null ? 'table' : 'alias',
        detail: source.alias === null ? 'table in this query' : `alias of ${sourceLabel(source)}`,
        insertText: this.quoteName(reference),
        sortText: GROUP.source + reference.toLowerCase(),
      });
    }

    // Names given in the SELECT list can be used in ORDER BY, HAVING and QUALIFY.
    for (const output of this.scope.outputColumns()) {
      if (sourceColumns.has(output.name.toLowerCase())) continue;
      this.add({
        label: output.name,
        kind: 'alias',
        detail: 'name given in SELECT',
        insertText: this.quoteName(output.name),
        sortText: GROUP.column + output.name.toLowerCase(),
      });
    }

    // Before the FROM clause is written, any table's columns may be meant.
    if (this.scope.sources.length === 0) {
      for (const table of this.catalog.tables) this.columns(table.columns, `${table.schema}.${table.name}`);
    }
    this.functions();
    this.keywords(QUERY_KEYWORDS);
  }

  functions(): void {
    for (const fn of SQL_FUNCTIONS) {
      const takesArguments = !fn.signature.endsWith('()');
      this.add({
        label: fn.name,
        kind: 'function',
        detail: fn.signature,
        insertText: takesArguments ? `${fn.name}($0)` : `${fn.name}()`,
        sortText: GROUP.function + fn.name,
        isSnippet: takesArguments,
      });
    }
  }

  keywords(keywords: readonly string[]): void {
    for (const keyword of keywords) {
      const sortText = GROUP.keyword + keyword.toLowerCase();
      this.add({ label: keyword, kind: 'keyword', insertText: keyword, sortText });
    }
  }
}

function sourceLabel(source: TableSource): string {
  return source.parts.length > 0 ? source.parts.join('.') : 'subquery';
}

function fillItems(builder: ItemBuilder, context: CursorContext, tokenIndex: number): void {
  switch (context.kind) {
    case 'none':
      return;
    case 'statement-start':
    case 'after-table':
      builder.keywords(QUERY_KEYWORDS);
      return;
    case 'table':
      builder.tablePosition();
      return;
    case 'qualified':
      builder.qualified(context.parts, context.inFrom, tokenIndex);
      return;
    case 'type':
      builder.keywords(TYPE_NAMES);
      return;
    case 'expression':
      builder.expression();
      return;
  }
}

/**
 * Returns completion items for the cursor at `offset` in `text`, given the
 * tables of the schema. Only the statement under the cursor is read, so a
 * large editor text costs one pass of the lexer. Table aliases, CTEs,
 * subqueries in FROM and `schema.table` names are understood. The editor
 * filters the items by the text in `replaceStart..replaceEnd`.
 */
export function completeSql(
  tables: readonly SchemaTable[],
  text: string,
  offset: number,
  options: CompletionOptions = {},
): CompletionResult {
  const cursor = Math.min(Math.max(Number.isFinite(offset) ? offset : 0, 0), text.length);
  let tokens = lexSql(text);
  // An unclosed backtick before the cursor would swallow the rest of the
  // statement, so read the text as if the name were closed at the cursor.
  const openQuote = tokens.find((token) => token.kind === 'quoted' && !token.terminated && token.start < cursor);
  const lexedText = openQuote === undefined ? text : `${text.slice(0, cursor)}\`${text.slice(cursor)}`;
  if (openQuote !== undefined) tokens = lexSql(lexedText);
  const segments = splitStatements(tokens, lexedText.length);
  const segment = segments[segmentIndexAt(segments, cursor)];
  const segmentTokens = segment === undefined ? [] : tokens.slice(segment.firstToken, segment.endToken);

  const statement = buildStatementTokens(segmentTokens);
  const catalog = catalogFor(tables);
  const scope = new StatementScope(statement, catalog);
  const position = cursorPosition(segmentTokens, statement, cursor);
  const replaceEnd = openQuote === undefined ? position.replaceEnd : cursor;
  const tokenIndex = statement.tokens.findIndex((token) => token.end >= cursor);

  // After a typed backtick the replaced range starts at it, so every name is quoted.
  const quote = options.identifierQuote ?? '`';
  const quoteName = position.quoted
    ? (name: string): string => `\`${name.replaceAll('`', '``')}\``
    : (name: string): string => quoteIdentifier(name, quote);

  const builder = new ItemBuilder(catalog, scope, quoteName);
  fillItems(builder, position.context, tokenIndex < 0 ? statement.tokens.length : tokenIndex);
  return { items: builder.items, replaceStart: position.replaceStart, replaceEnd };
}
