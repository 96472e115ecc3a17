import type { SchemaColumn } from '@console/shared-types';
import { CLAUSE_KEYWORDS, NOT_AN_ALIAS } from './keywords.js';
import type { SchemaCatalog } from './schema-catalog.js';
import { identifierName, isKeyword } from './sql-lexer.js';
import { findAtDepth, isName, isPunct, readQualifiedName, type StatementTokens } from './statement-tokens.js';

/** A table, CTE or subquery that a FROM or JOIN of the statement reads. */
export interface TableSource {
  /** The name parts as written, e.g. `['main', 'conversation']`; empty for a subquery. */
  parts: string[];
  alias: string | null;
  /** Index of the FROM or JOIN keyword that introduces it. */
  keywordIndex: number;
  /** Token range of a subquery's body, or null. */
  body: { start: number; end: number } | null;
  /** Column names given after the alias, as in `AS t(a, b)`. */
  columnAliases: string[] | null;
}

/** A common table expression declared with WITH. */
export interface CteDefinition {
  name: string;
  columnNames: string[] | null;
  body: { start: number; end: number };
}

const QUERY_STARTS = ['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE'];
const PENDING = Symbol('pending');

function readNameList(statement: StatementTokens, open: number): string[] {
  const close = statement.partner[open] ?? -1;
  const names: string[] = [];
  for (let i = open + 1; i < close; i++) {
    const token = statement.tokens[i];
    if (isName(token)) names.push(identifierName(token));
  }
  return names;
}

function readCtes(statement: StatementTokens): CteDefinition[] {
  const { tokens, partner } = statement;
  const ctes: CteDefinition[] = [];
  tokens.forEach((token, withIndex) => {
    if (!isKeyword(token, 'WITH')) return;
    let index = withIndex + 1;
    if (isKeyword(tokens[index], 'RECURSIVE')) index++;
    for (;;) {
      const nameToken = tokens[index];
      if (!isName(nameToken)) return;
      index++;
      let columnNames: string[] | null = null;
      if (isPunct(tokens[index], '(')) {
        columnNames = readNameList(statement, index);
        index = (partner[index] ?? tokens.length) + 1;
      }
      if (!isKeyword(tokens[index], 'AS')) return;
      index++;
      if (isKeyword(tokens[index], 'NOT')) index++;
      if (isKeyword(tokens[index], 'MATERIALIZED')) index++;
      if (!isPunct(tokens[index], '(')) return;
      const close = partner[index] ?? tokens.length;
      ctes.push({ name: identifierName(nameToken), columnNames, body: { start: index + 1, end: close } });
      index = close + 1;
      if (!isPunct(tokens[index], ',')) return;
      index++;
    }
  });
  return ctes;
}

/** Reads an optional `[AS] alias [(columns)]` at `index`. */
function readAlias(
  statement: StatementTokens,
  index: number,
): { alias: string | null; columnAliases: string[] | null; end: number } {
  const { tokens, partner } = statement;
  let position = index;
  const explicit = isKeyword(tokens[position], 'AS');
  if (explicit) position++;
  const token = tokens[position];
  const usable = isName(token) && (token.kind === 'quoted' || explicit || !NOT_AN_ALIAS.has(token.text.toUpperCase()));
  if (!usable) return { alias: null, columnAliases: null, end: position };
  position++;
  let columnAliases: string[] | null = null;
  if (isPunct(tokens[position], '(')) {
    columnAliases = readNameList(statement, position);
    position = (partner[position] ?? tokens.length) + 1;
  }
  return { alias: identifierName(token), columnAliases, end: position };
}

/** Reads the table references after a FROM or JOIN keyword at `keywordIndex`. */
function readSources(
  statement: StatementTokens,
  keywordIndex: number,
  startIndex: number,
  sources: TableSource[],
): void {
  const { tokens, partner } = statement;
  const allowList = isKeyword(tokens[keywordIndex], 'FROM');
  let index = startIndex;

  for (;;) {
    const token = tokens[index];
    let parts: string[] = [];
    let body: TableSource['body'] = null;

    if (isPunct(token, '(')) {
      const close = partner[index] ?? tokens.length;
      if (isKeyword(tokens[index + 1], ...QUERY_STARTS)) {
        body = { start: index + 1, end: close };
      } else {
        // A bracketed join such as FROM (a JOIN b ON ...): its first table follows the bracket.
        readSources(statement, keywordIndex, index + 1, sources);
      }
      index = close + 1;
    } else {
      const name = readQualifiedName(statement, index);
      if (name === null || (token?.kind === 'word' && CLAUSE_KEYWORDS.has(token.text.toUpperCase()))) return;
      parts = name.parts;
      index = name.end;
      // A table-valued function such as range(10): skip its arguments.
      if (isPunct(tokens[index], '(')) index = (partner[index] ?? tokens.length) + 1;
    }

    if (isKeyword(tokens[index], 'TABLESAMPLE') && isPunct(tokens[index + 1], '(')) {
      index = (partner[index + 1] ?? tokens.length) + 1;
    }
    const alias = readAlias(statement, index);
    if (parts.length > 0 || body !== null) {
      sources.push({ parts, alias: alias.alias, keywordIndex, body, columnAliases: alias.columnAliases });
    }
    index = alias.end;

    if (!allowList || !isPunct(tokens[index], ',')) return;
    index++;
  }
}

/** A name that the query can use, with its type when known ('' otherwise). */
export interface ScopeColumn {
  name: string;
  type: string;
}

/** The tables a statement reads and the columns each one offers. */
export class StatementScope {
  readonly sources: TableSource[] = [];
  readonly ctes: CteDefinition[];
  private readonly statement: StatementTokens;
  private readonly catalog: SchemaCatalog;
  private readonly columnCache = new Map<TableSource | CteDefinition, ScopeColumn[] | typeof PENDING>();

  constructor(statement: StatementTokens, catalog: SchemaCatalog) {
    this.statement = statement;
    this.catalog = catalog;
    this.ctes = readCtes(statement);
    statement.tokens.forEach((token, index) => {
      if (isKeyword(token, 'FROM', 'JOIN')) readSources(statement, index, index + 1, this.sources);
    });
  }

  findCte(name: string): CteDefinition | undefined {
    const lower = name.toLowerCase();
    return this.ctes.find((cte) => cte.name.toLowerCase() === lower);
  }

  /** Returns the name a query uses for the source: its alias, else the last part of its name. */
  referenceName(source: TableSource): string | null {
    return source.alias ?? source.parts[source.parts.length - 1] ?? null;
  }

  /**
   * Finds the source a qualifier such as `c` in `c.id` refers to, alias first.
   * With `nearIndex`, a source of the innermost query around that token wins,
   * so `r` in the outer query is not taken for an `r` inside a CTE.
   */
  findSource(
    qualifier: string,
    sources: readonly TableSource[] = this.sources,
    nearIndex?: number,
  ): TableSource | undefined {
    const lower = qualifier.toLowerCase();
    const tableNamed = (source: TableSource): boolean => source.parts[source.parts.length - 1]?.toLowerCase() === lower;
    // SQL hides a table's name behind its alias; the last tier forgives that.
    const tiers = [
      sources.filter((source) => source.alias?.toLowerCase() === lower),
      sources.filter((source) => source.alias === null && tableNamed(source)),
      sources.filter(tableNamed),
    ];
    const matches = tiers.find((tier) => tier.length > 0) ?? [];
    if (nearIndex === undefined || matches.length < 2) return matches[0];
    let best = matches[0];
    for (const source of matches) {
      if (best === undefined || this.nearness(source, nearIndex) > this.nearness(best, nearIndex)) best = source;
    }
    return best;
  }

  /** Returns the depth of the source's query when that query contains `index`, else -1. */
  private nearness(source: TableSource, index: number): number {
    const { enclosing, partner, depth } = this.statement;
    const open = enclosing[source.keywordIndex] ?? -1;
    if (open < 0) return 0;
    const close = partner[open] ?? -1;
    return index > open && index < close ? (depth[source.keywordIndex] ?? 0) : -1;
  }

  /** Returns the columns a source offers, or an empty list when unknown. */
  columnsOf(source: TableSource): ScopeColumn[] {
    return this.memoized(source, () => {
      let columns: ScopeColumn[];
      if (source.body !== null) {
        columns = this.queryColumns(source.body.start, source.body.end);
      } else {
        const cte = source.parts.length === 1 ? this.findCte(source.parts[0] ?? '') : undefined;
        // Inside its own body a recursive CTE's name refers to the table, if any.
        if (cte !== undefined && !this.isInside(source.keywordIndex, cte.body)) {
          columns = this.cteColumns(cte);
        } else {
          columns = this.catalog.find(source.parts)?.columns.map(copyColumn) ?? [];
        }
      }
      return renameColumns(columns, source.columnAliases);
    });
  }

  /** Returns the output columns of the statement's main query, e.g. `n` in `SELECT count(*) AS n`. */
  outputColumns(): ScopeColumn[] {
    return this.queryColumns(0, this.statement.tokens.length);
  }

  cteColumns(cte: CteDefinition): ScopeColumn[] {
    return this.memoized(cte, () => renameColumns(this.queryColumns(cte.body.start, cte.body.end), cte.columnNames));
  }

  /**
   * Runs `compute` once per source or CTE. Each select item looks up the
   * columns of its sources, so without the cache nested CTEs would cost
   * exponential time. A cycle (a CTE that reads itself) yields no columns.
   */
  private memoized(key: TableSource | CteDefinition, compute: () => ScopeColumn[]): ScopeColumn[] {
    const cached = this.columnCache.get(key);
    if (cached === PENDING) return [];
    if (cached !== undefined) return cached;
    this.columnCache.set(key, PENDING);
    const columns = compute();
    this.columnCache.set(key, columns);
    return columns;
  }

  private isInside(index: number, range: { start: number; end: number }): boolean {
    return index >= range.start && index < range.end;
  }

  /** Returns the sources read by the query whose body spans `start..end`, not those of nested subqueries. */
  private sourcesOfQuery(start: number, end: number): TableSource[] {
    const depth = this.statement.depth[start] ?? 0;
    return this.sources.filter(
      (source) =>
        this.isInside(source.keywordIndex, { start, end }) && this.statement.depth[source.keywordIndex] === depth,
    );
  }

  /**
   * Returns the output columns of a query: aliased expressions, plain column
   * references and `*` expansions of its first SELECT. Unaliased expressions
   * are left out because their generated names are hard to type.
   */
  private queryColumns(start: number, end: number): ScopeColumn[] {
    if (start >= end) return [];
    const { tokens, depth } = this.statement;
    const select = findAtDepth(this.statement, start, end, 'SELECT');
    if (select < 0) return [];
    const sources = this.sourcesOfQuery(start, end);

    let itemStart = select + 1;
    if (isKeyword(tokens[itemStart], 'DISTINCT', 'ALL')) itemStart++;
    const selectDepth = depth[select] ?? 0;
    const columns: ScopeColumn[] = [];
    for (let i = itemStart; i <= end; i++) {
      const token = tokens[i];
      const atDepth = i === end || (depth[i] ?? 0) === selectDepth;
      const isClause = token?.kind === 'word' && CLAUSE_KEYWORDS.has(token.text.toUpperCase());
      const endsList = i === end || (atDepth && isClause);
      if (endsList || (atDepth && isPunct(token, ','))) {
        columns.push(...this.selectItemColumns(itemStart, i, sources));
        itemStart = i + 1;
      }
      if (endsList) break;
    }
    return columns;
  }

  private selectItemColumns(start: number, end: number, sources: TableSource[]): ScopeColumn[] {
    const { tokens } = this.statement;
    const count = end - start;
    const last = tokens[end - 1];
    if (count <= 0 || last === undefined) return [];

    if (isPunct(last, '*')) {
      const qualifier = count >= 3 ? tokens[end - 3] : undefined;
      const picked = isName(qualifier) ? [this.findSource(identifierName(qualifier), sources)] : sources;
      return picked.flatMap((source) => (source === undefined ? [] : this.columnsOf(source)));
    }

    const reference = readQualifiedName(this.statement, start);
    if (reference !== null && reference.end === end) {
      const name = reference.parts[reference.parts.length - 1] ?? '';
      return [{ name, type: this.columnType(reference.parts, sources) }];
    }

    const beforeLast = tokens[end - 2];
    const implicitAlias =
      isName(last) &&
      count >= 2 &&
      (last.kind === 'quoted' || !NOT_AN_ALIAS.has(last.text.toUpperCase())) &&
      beforeLast !== undefined &&
      !isPunct(beforeLast, '.') &&
      (beforeLast.kind !== 'punct' || isPunct(beforeLast, ')'));
    if (isKeyword(beforeLast, 'AS') || implicitAlias) {
      const valueEnd = isKeyword(beforeLast, 'AS') ? end - 2 : end - 1;
      const value = readQualifiedName(this.statement, start);
      const type = value !== null && value.end === valueEnd ? this.columnType(value.parts, sources) : '';
      return [{ name: identifierName(last), type }];
    }
    return [];
  }

  private columnType(parts: readonly string[], sources: TableSource[]): string {
    const name = (parts[parts.length - 1] ?? '').toLowerCase();
    const qualifier = parts[parts.length - 2];
    const candidates = qualifier === undefined ? sources : [this.findSource(qualifier, sources)];
    for (const source of candidates) {
      if (source === undefined) continue;
      const column = this.columnsOf(source).find((c) => c.name.toLowerCase() === name);
      if (column !== undefined) return column.type;
    }
    return '';
  }
}

function copyColumn(column: SchemaColumn): ScopeColumn {
  return { name: column.name, type: column.type };
}

/** Applies names given in `AS t(a, b)` or `WITH t(a, b)`, keeping the types by position. */
function renameColumns(columns: ScopeColumn[], names: string[] | null): ScopeColumn[] {
  if (names === null) return columns;
  return names.map((name, index) => ({ name, type: columns[index]?.type ?? '' }));
}
