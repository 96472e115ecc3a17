/**
 * The lexical rules the check reads a text with. SQL dialects disagree on where
 * a string or comment ends (a backslash before a quote, `#`, `/*!` comments,
 * `$$` strings), and a text can hide a statement from one reading that another engine
 * reads. So the check reads every text once per dialect below and accepts it
 * only when every reading that lexes the whole text finds a single query.
 */
export interface Dialect {
  name: string;
  /** Appended to a rejection that only this reading finds, e.g. "as PostgreSQL and DuckDB read it". */
  readsAs: string;
  /** A backslash escapes the next character in `'...'` and `"..."`. */
  backslashEscapes: boolean;
  /** `"..."` is a string (Spark, MySQL) or a quoted identifier (PostgreSQL, DuckDB). */
  doubleQuoted: 'string' | 'identifier';
  /** The meaning of `#` outside quotes: a line comment, an operator, or an error. */
  hash: 'comment' | 'operator' | 'reject';
  /** A comment opened with `/*!` contains code (MySQL). */
  executableComments: boolean;
  /** Bracketed comments nest. */
  nestedComments: boolean;
  /** `/*+` opens an optimizer hint whose inside is lexed as code (Spark). */
  hintsAreCode: boolean;
  /** `$tag$ ... $tag$` strings. */
  dollarQuotes: boolean;
  /** `r'...'` raw strings without escapes (Spark). */
  rawStrings: boolean;
  /** `E'...'` strings with backslash escapes (PostgreSQL). */
  escapeStrings: boolean;
  /** Spark's unquoted URI identifiers such as `file://tmp/x-y#z`, where `--` and `#` are not comments. */
  uriIdentifiers: boolean;
  /** A backslash right before LF continues a `--` comment onto the next line (Spark). */
  commentLineContinuation: boolean;
}

/**
 * Spark 4 and Databricks SQL, the vendor engine, following Spark's
 * `SqlBaseLexer.g4`. Spark has no `#` comment and reads `#` as an error, so the
 * check rejects it with a message instead of a later parse error.
 */
export const SPARK: Dialect = {
  name: 'Spark SQL',
  readsAs: 'as Spark SQL reads it',
  backslashEscapes: true,
  doubleQuoted: 'string',
  hash: 'reject',
  executableComments: false,
  nestedComments: true,
  hintsAreCode: true,
  dollarQuotes: false,
  rawStrings: true,
  escapeStrings: false,
  uriIdentifiers: true,
  commentLineContinuation: true,
};

/** PostgreSQL with standard strings, and DuckDB, which runs our local SQL API. */
export const POSTGRES: Dialect = {
  name: 'PostgreSQL and DuckDB',
  readsAs: 'as PostgreSQL and DuckDB read it',
  backslashEscapes: false,
  doubleQuoted: 'identifier',
  hash: 'operator',
  executableComments: false,
  nestedComments: true,
  hintsAreCode: false,
  dollarQuotes: true,
  rawStrings: false,
  escapeStrings: true,
  uriIdentifiers: false,
  commentLineContinuation: false,
};

/**
 * MySQL's `/*!` comments, which run as code, and its `#` line comments. Other
 * rules follow Spark: bracketed comments nest here although MySQL's do not,
 * so nested comments that Spark accepts are not misread as code.
 */
export const MYSQL: Dialect = {
  name: 'MySQL',
  readsAs: 'as MySQL reads it',
  backslashEscapes: true,
  doubleQuoted: 'string',
  hash: 'comment',
  executableComments: true,
  nestedComments: true,
  hintsAreCode: false,
  dollarQuotes: false,
  rawStrings: false,
  escapeStrings: false,
  uriIdentifiers: false,
  commentLineContinuation: false,
};

/** The first reading is the vendor engine's: its lexical errors are reported as such. */
export const READINGS: readonly Dialect[] = [SPARK, POSTGRES, MYSQL];
