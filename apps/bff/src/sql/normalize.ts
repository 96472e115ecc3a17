import { SPARK } from './dialects.js';
import { tokenize } from './lexer.js';

/**
 * Returns the result-cache key for a query: comments removed, every run of
 * whitespace and comments between tokens replaced by one space, the ends
 * trimmed and a trailing `;` dropped. Text inside quotes is kept as written,
 * so two queries that differ inside a string literal never share a key.
 * Tokens that touch stay touching, so `a,b` and `a, b` get different keys:
 * the cache then misses, which costs budget but never returns a wrong result.
 * Quotes and comments are read the Spark way, as the vendor engine reads them;
 * text after a lexical error is kept as written.
 */
export function normalizeSql(sql: string): string {
  const { tokens, error } = tokenize(sql, SPARK);
  let last = tokens.length;
  const lastToken = tokens[last - 1];
  if (error === undefined && lastToken !== undefined && lastToken.end - lastToken.start === 1 && sql[lastToken.start] === ';') {
    last--;
  }

  const parts: string[] = [];
  let previousEnd = -1;
  for (let i = 0; i < last; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    if (previousEnd >= 0 && token.start > previousEnd) parts.push(' ');
    parts.push(sql.slice(token.start, token.end));
    previousEnd = token.end;
  }
  if (error !== undefined) {
    const rest = sql.slice(Math.max(previousEnd, 0));
    const trimmed = rest.trimStart();
    if (parts.length > 0 && trimmed.length < rest.length) parts.push(' ');
    parts.push(trimmed);
  }
  return parts.join('').trimEnd();
}
