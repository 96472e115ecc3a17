import type { SqlPosition } from './errors.js';
import { positionFromCodePointOffset } from './engine-message.js';

/** Keywords that make a WITH statement write data. */
const WRITING_KEYWORD = /\b(INSERT|UPDATE|DELETE|MERGE)\b/i;
const TWO_WORD_STATEMENTS = new Set(['CREATE', 'DROP', 'ALTER', 'EXPORT', 'IMPORT', 'CREATE OR']);

export interface StatementKind {
  /** Leading keywords, such as "INSERT" or "CREATE TABLE". */
  name: string;
  position: SqlPosition;
}

/**
 * Names the kind of a statement that DuckDB's parser found not to be a
 * SELECT, from its leading keywords, only to word the error message. The
 * decision itself is DuckDB's; this never lets a statement through.
 */
export function describeStatementKind(sql: string): StatementKind {
  const masked = maskCommentsAndLiterals(sql);
  const words = [...masked.matchAll(/[A-Za-z_]+/g)];
  const first = words[0];
  if (!first) return { name: 'non-SELECT', position: { line: 1, column: 1 } };

  const position = positionFromUtf16Index(sql, first.index);
  let name = first[0].toUpperCase();
  if (name === 'WITH') {
    const writing = WRITING_KEYWORD.exec(masked);
    if (writing) return { name: `WITH ... ${writing[1]?.toUpperCase() ?? ''}`.trim(), position };
    return { name, position };
  }
  for (let index = 1; index < words.length && TWO_WORD_STATEMENTS.has(name); index += 1) {
    name = `${name} ${words[index]?.[0].toUpperCase() ?? ''}`.trim();
  }
  return { name, position };
}

// Replaces comments and quoted text with spaces, keeping every index, so
// keywords inside them are not mistaken for the statement's own.
function maskCommentsAndLiterals(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'?|"(?:[^"]|"")*"?/g, (match) => match.replace(/[^\n]/g, ' '));
}

function positionFromUtf16Index(sql: string, index: number): SqlPosition {
  const codePoints = [...sql.slice(0, index)].length;
  return positionFromCodePointOffset(sql, codePoints);
}
