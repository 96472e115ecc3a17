import type { SqlPosition } from './errors.js';
import { positionFromCodePointOffset } from './engine-message.js';

/** Keywords that make a WITH statement write data. */
const WRITING_KEYWORD = /\b(INSERT|UPDATE|DELETE|MERGE)\b/i;
const QUERY_KEYWORDS = new Set(['SELECT', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SHOW', 'SUMMARIZE']);
const TWO_WORD_STATEMENTS = new Set(['CREATE', 'DROP', 'ALTER', 'EXPORT', 'IMPORT', 'CREATE OR']);

export interface StatementKind {
  /** Leading keywords, such as "INSERT" or "CREATE TABLE". */
  name: string;
  position: SqlPosition;
  /** Statements found by splitting at semicolons outside quotes and comments. */
  statementCount: number;
}

/**
 * Names the first statement in `sql` that is not a query, from its leading
 * keywords, to word the error message after DuckDB's parser has found that
 * the text is not a single SELECT. The decision is DuckDB's; this only
 * describes it. It never calls DuckDB, because DuckDB's statement extraction
 * already reads files for IMPORT DATABASE.
 */
export function describeStatementKind(sql: string): StatementKind {
  const masked = maskCommentsAndLiterals(sql);
  const statements = splitStatements(masked);
  const first = statements.find((statement) => !isQuery(statement.text)) ?? statements[0];
  if (!first) return { name: 'non-SELECT', position: { line: 1, column: 1 }, statementCount: 0 };

  const words = [...first.text.matchAll(/[A-Za-z_]+/g)];
  const leading = words[0];
  if (!leading) return { name: 'non-SELECT', position: { line: 1, column: 1 }, statementCount: statements.length };
  const position = positionFromUtf16Index(sql, first.start + leading.index);

  let name = leading[0].toUpperCase();
  if (name === 'WITH') {
    const writing = WRITING_KEYWORD.exec(first.text)?.[1];
    if (writing) name = `WITH ... ${writing.toUpperCase()}`;
  }
  for (let index = 1; index < words.length && TWO_WORD_STATEMENTS.has(name); index += 1) {
    name = `${name} ${words[index]?.[0].toUpperCase() ?? ''}`.trim();
  }
  return { name, position, statementCount: statements.length };
}

function isQuery(statement: string): boolean {
  const keyword = /[A-Za-z_]+/.exec(statement)?.[0].toUpperCase() ?? '';
  if (keyword === 'WITH') return !WRITING_KEYWORD.test(statement);
  return QUERY_KEYWORDS.has(keyword);
}

function splitStatements(masked: string): { text: string; start: number }[] {
  const statements: { text: string; start: number }[] = [];
  let start = 0;
  for (const part of masked.split(';')) {
    if (part.trim() !== '') statements.push({ text: part, start });
    start += part.length + 1;
  }
  return statements;
}

// Replaces comments and quoted text with spaces, keeping every index, so
// keywords and semicolons inside them are not mistaken for the statement's own.
function maskCommentsAndLiterals(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'?|"(?:[^"]|"")*"?/g, (match) => match.replace(/[^\n]/g, ' '));
}

function positionFromUtf16Index(sql: string, index: number): SqlPosition {
  const codePoints = [...sql.slice(0, index)].length;
  return positionFromCodePointOffset(sql, codePoints);
}
