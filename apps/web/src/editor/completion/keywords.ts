/**
 * Spark SQL keywords offered while typing a query, upper case. Phrases that are
 * almost always written together (GROUP BY, LEFT JOIN) are offered whole.
 * Statements other than queries are left out because the SQL API runs only
 * read-only SELECT statements.
 */
export const QUERY_KEYWORDS: readonly string[] = [
  'SELECT', 'DISTINCT', 'ALL', 'FROM', 'WHERE', 'GROUP BY', 'GROUPING SETS', 'ROLLUP', 'CUBE', 'HAVING',
  'ORDER BY', 'SORT BY', 'CLUSTER BY', 'DISTRIBUTE BY', 'LIMIT', 'OFFSET', 'QUALIFY', 'WINDOW',
  'WITH', 'AS', 'ON', 'USING',
  'JOIN', 'INNER JOIN', 'LEFT JOIN', 'RIGHT JOIN', 'FULL JOIN', 'FULL OUTER JOIN', 'LEFT OUTER JOIN',
  'RIGHT OUTER JOIN', 'CROSS JOIN', 'LEFT SEMI JOIN', 'LEFT ANTI JOIN', 'NATURAL JOIN',
  'LATERAL VIEW', 'LATERAL VIEW OUTER', 'LATERAL', 'PIVOT', 'UNPIVOT', 'TABLESAMPLE',
  'UNION', 'UNION ALL', 'INTERSECT', 'EXCEPT', 'MINUS', 'VALUES',
  'CASE', 'WHEN', 'THEN', 'ELSE', 'END',
  'AND', 'OR', 'NOT', 'IN', 'IS', 'IS NULL', 'IS NOT NULL', 'IS DISTINCT FROM', 'IS NOT DISTINCT FROM',
  'LIKE', 'ILIKE', 'RLIKE', 'REGEXP', 'BETWEEN', 'EXISTS', 'ANY', 'SOME', 'ESCAPE',
  'NULL', 'TRUE', 'FALSE', 'ASC', 'DESC', 'NULLS FIRST', 'NULLS LAST',
  'OVER', 'PARTITION BY', 'ROWS BETWEEN', 'RANGE BETWEEN', 'UNBOUNDED PRECEDING', 'UNBOUNDED FOLLOWING',
  'CURRENT ROW', 'PRECEDING', 'FOLLOWING', 'FILTER', 'WITHIN GROUP',
  'INTERVAL', 'DATE', 'TIMESTAMP', 'TIMESTAMP_NTZ',
];

/** Spark SQL type names, offered after `CAST(expr AS`. */
export const TYPE_NAMES: readonly string[] = [
  'STRING', 'VARCHAR', 'CHAR', 'BOOLEAN', 'TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE',
  'DECIMAL', 'DATE', 'TIMESTAMP', 'TIMESTAMP_NTZ', 'BINARY', 'INTERVAL', 'ARRAY', 'MAP', 'STRUCT', 'VARIANT',
];

/**
 * Words that Spark rejects as bare identifiers in ANSI mode or in join
 * positions, so a table or column with such a name is quoted when inserted.
 * Quoting a name that did not need it is harmless, so the list errs wide.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'ALL', 'AND', 'ANTI', 'ANY', 'AS', 'AUTHORIZATION', 'BETWEEN', 'BOTH', 'BY', 'CASE', 'CAST', 'CHECK',
  'COLLATE', 'COLUMN', 'CONSTRAINT', 'CREATE', 'CROSS', 'CUBE', 'CURRENT', 'CURRENT_DATE', 'CURRENT_TIME',
  'CURRENT_TIMESTAMP', 'CURRENT_USER', 'DESC', 'DISTINCT', 'ELSE', 'END', 'ESCAPE', 'EXCEPT', 'EXISTS',
  'FALSE', 'FETCH', 'FILTER', 'FOR', 'FOREIGN', 'FROM', 'FULL', 'GRANT', 'GROUP', 'GROUPING', 'HAVING',
  'IN', 'INNER', 'INTERSECT', 'INTERVAL', 'INTO', 'IS', 'JOIN', 'LATERAL', 'LEADING', 'LEFT', 'LIKE',
  'LIMIT', 'MINUS', 'NATURAL', 'NOT', 'NULL', 'OF', 'OFFSET', 'ON', 'ONLY', 'OR', 'ORDER', 'OUTER',
  'OVER', 'OVERLAPS', 'PARTITION', 'PIVOT', 'PRIMARY', 'QUALIFY', 'RANGE', 'REFERENCES', 'RIGHT',
  'ROLLUP', 'ROWS', 'SELECT', 'SEMI', 'SESSION_USER', 'SOME', 'TABLE', 'TABLESAMPLE', 'THEN', 'TIME',
  'TO', 'TRAILING', 'TRUE', 'UNION', 'UNIQUE', 'UNKNOWN', 'UNPIVOT', 'USER', 'USING', 'VALUES', 'WHEN',
  'WHERE', 'WINDOW', 'WITH',
]);

/**
 * Keywords that start a clause. The nearest of them before the cursor, at the
 * cursor's bracket depth, names the clause the cursor is in.
 */
export const CLAUSE_KEYWORDS: ReadonlySet<string> = new Set([
  'SELECT', 'FROM', 'JOIN', 'ON', 'USING', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'SORT', 'CLUSTER',
  'DISTRIBUTE', 'LIMIT', 'OFFSET', 'QUALIFY', 'WINDOW', 'UNION', 'INTERSECT', 'EXCEPT', 'MINUS', 'WITH',
  'VALUES', 'LATERAL', 'PIVOT', 'UNPIVOT', 'PARTITION',
]);

/**
 * Words that end a table reference in a FROM clause, so none of them can be
 * the reference's alias (`FROM t WHERE` has no alias).
 */
export const NOT_AN_ALIAS: ReadonlySet<string> = new Set([
  ...CLAUSE_KEYWORDS,
  'AS', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'OUTER', 'CROSS', 'NATURAL', 'SEMI', 'ANTI', 'TABLESAMPLE',
  'AND', 'OR', 'NOT', 'BY', 'SET', 'FOR', 'WHEN', 'THEN', 'ELSE', 'END',
]);
