/**
 * SQL helpers shared by the demo tables. Values are pseudo-random but fixed:
 * each comes from DuckDB's hash() of a row number and a per-column salt, so
 * the same scale always yields the same rows without any seed state.
 */
export const HELPER_MACROS = `
CREATE TEMP MACRO pick(i, salt, n) AS (hash(i, salt) % n)::BIGINT;
CREATE TEMP MACRO chance(i, salt, percent) AS (hash(i, salt) % 100) < percent;
CREATE TEMP MACRO offset_micros(i, salt, max_micros) AS to_microseconds((hash(i, salt) % max_micros)::BIGINT);
CREATE TEMP MACRO money(i, salt, max_units) AS ((hash(i, salt) % (max_units::UBIGINT * 1000000000))::DECIMAL(38,0) / 1000000000)::DECIMAL(38,9);
`;

/** Quotes text as a SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Builds a SQL list literal of strings, for picking values with list indexing. */
export function sqlStringList(texts: readonly string[]): string {
  return `[${texts.map(sqlString).join(', ')}]`;
}
