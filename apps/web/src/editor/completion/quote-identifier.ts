import { RESERVED_WORDS } from './keywords.js';

/**
 * The character that quotes identifiers: a backtick in Spark SQL, the vendor's
 * dialect. A double quote suits engines that follow standard SQL, such as DuckDB.
 */
export type IdentifierQuote = '`' | '"';

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Returns the name as SQL text: bare when it is a plain ASCII identifier that
 * is not a reserved word, otherwise quoted with the quote character doubled inside.
 */
export function quoteIdentifier(name: string, quote: IdentifierQuote = '`'): string {
  if (PLAIN_IDENTIFIER.test(name) && !RESERVED_WORDS.has(name.toUpperCase())) return name;
  return quote + name.replaceAll(quote, quote + quote) + quote;
}
