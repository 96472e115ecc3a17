/** Words that begin a query: a SELECT, a WITH clause, VALUES, `TABLE t`, or a FROM-first query. */
export const QUERY_STARTS: ReadonlySet<string> = new Set(['SELECT', 'WITH', 'VALUES', 'TABLE', 'FROM']);

/**
 * First words of statements that are not queries, in Spark, Databricks,
 * PostgreSQL, DuckDB and MySQL. A word in this list is named in the rejection
 * ("a SHOW statement"); any other word is quoted as the start of an unknown statement.
 */
const STATEMENT_WORDS = new Set([
  'ABORT', 'ADD', 'ALTER', 'ANALYZE', 'ATTACH', 'BEGIN', 'CACHE', 'CALL', 'CHECKPOINT', 'CLEAR', 'CLONE',
  'CLOSE', 'CLUSTER', 'COMMENT', 'COMMIT', 'CONVERT', 'COPY', 'CREATE', 'DEALLOCATE', 'DECLARE', 'DELETE',
  'DENY', 'DESC', 'DESCRIBE', 'DETACH', 'DISCARD', 'DO', 'DROP', 'END', 'EXEC', 'EXECUTE', 'EXPLAIN', 'EXPORT',
  'FETCH', 'FSCK', 'GET', 'GRANT', 'HANDLER', 'IMPORT', 'INSERT', 'INSTALL', 'KILL', 'LIST', 'LISTEN', 'LOAD',
  'LOCK', 'MERGE', 'MOVE', 'MSCK', 'NOTIFY', 'OPTIMIZE', 'PRAGMA', 'PREPARE', 'PUT', 'REASSIGN', 'REFRESH',
  'REINDEX', 'RELEASE', 'RENAME', 'REPAIR', 'REPLACE', 'RESET', 'RESTORE', 'REVOKE', 'ROLLBACK', 'SAVEPOINT',
  'SECURITY', 'SET', 'SHOW', 'SHUTDOWN', 'START', 'SUMMARIZE', 'SYNC', 'TRUNCATE', 'UNCACHE', 'UNDROP',
  'UNLISTEN', 'UNLOCK', 'UNSET', 'UPDATE', 'UPSERT', 'USE', 'VACUUM', 'WAITFOR',
]);

/** SQL scripting (Databricks, PostgreSQL `DO`, MySQL procedures) that is not a single query. */
const SCRIPTING_WORDS = new Set(['IF', 'WHILE', 'LOOP', 'REPEAT', 'FOR', 'CASE', 'LEAVE', 'ITERATE', 'SIGNAL', 'RESIGNAL', 'RETURN']);

/** Second words that belong to the statement's name, as in "an ADD JAR statement". */
const OBJECT_NAMES = new Set(['TABLE', 'VIEW', 'SCHEMA', 'DATABASE', 'CATALOG', 'FUNCTION', 'INDEX', 'SEQUENCE', 'MACRO', 'TYPE', 'ROLE', 'USER', 'VOLUME']);

const SECOND_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['ADD', new Set(['JAR', 'JARS', 'FILE', 'FILES', 'ARCHIVE', 'ARCHIVES'])],
  ['ALTER', OBJECT_NAMES],
  ['CREATE', OBJECT_NAMES],
  ['DROP', OBJECT_NAMES],
  ['TRUNCATE', OBJECT_NAMES],
  ['CACHE', new Set(['TABLE', 'LAZY'])],
  ['CLEAR', new Set(['CACHE'])],
  ['COPY', new Set(['INTO'])],
  ['EXECUTE', new Set(['IMMEDIATE'])],
  ['INSERT', new Set(['INTO', 'OVERWRITE'])],
  ['LOAD', new Set(['DATA'])],
  ['MERGE', new Set(['INTO'])],
  ['MSCK', new Set(['REPAIR'])],
]);

/** "an INSERT statement", "a USE statement". */
export function withArticle(word: string): string {
  // Initialisms read letter by letter: "an MSCK".
  const vowelSound = /^[AEIO]/.test(word) || (/^U/.test(word) && !/^US/.test(word)) || /^(MSCK|FSCK)\b/.test(word);
  return `${vowelSound ? 'an' : 'a'} ${word}`;
}

/** Names the statement a rejected first word starts, e.g. "an ADD JAR statement". */
export function describeStatement(word: string, nextWord: string | undefined): string {
  if (word === 'BEGIN') return 'a BEGIN statement (a transaction or a scripting block)';
  if (SCRIPTING_WORDS.has(word)) return `${withArticle(word)} scripting statement`;
  // Most unknown first words are typos of SELECT, so the text says so instead of reading like a refusal.
  if (!STATEMENT_WORDS.has(word)) return `a statement that starts with ${word} (not a query keyword: check the spelling)`;
  const second = SECOND_WORDS.get(word);
  const name = nextWord !== undefined && second?.has(nextWord) ? `${word} ${nextWord}` : word;
  return `${withArticle(name)} statement`;
}

/** Words that turn a query into a write when they appear inside it, or that start a write after a WITH clause. */
export const WRITE_WORDS: ReadonlySet<string> = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT']);

/** Data definition words, rejected inside a query only when an object word follows, as in `DROP TABLE`. */
export const DEFINITION_WORDS: ReadonlySet<string> = new Set(['CREATE', 'DROP', 'ALTER', 'TRUNCATE']);

export const DEFINITION_OBJECTS: ReadonlySet<string> = new Set([
  ...OBJECT_NAMES, 'TEMPORARY', 'TEMP', 'GLOBAL', 'EXTERNAL', 'MATERIALIZED', 'STREAMING', 'OR', 'IF',
]);

/**
 * Words that only ever start a statement. Outside parentheses they mean a
 * second statement with no `;` before it, which T-SQL-style batches allow.
 */
export const STATEMENT_ONLY_WORDS: ReadonlySet<string> = new Set([
  'ATTACH', 'DECLARE', 'DETACH', 'EXEC', 'EXECUTE', 'GRANT', 'KILL', 'MSCK', 'PRAGMA', 'REVOKE', 'SHUTDOWN',
  'USE', 'VACUUM', 'WAITFOR',
]);

/** Spark functions that call a static Java method by name. */
export const REFLECTION_FUNCTIONS: ReadonlySet<string> = new Set(['REFLECT', 'JAVA_METHOD', 'TRY_REFLECT']);
