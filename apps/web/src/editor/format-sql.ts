/**
 * Formats SQL in the vendor engine's dialect (Spark SQL). sql-formatter is
 * loaded on first use, so it costs nothing until someone formats.
 */
export async function formatSql(text: string): Promise<string> {
  const { formatDialect, spark } = await import('sql-formatter');
  return formatDialect(text, { dialect: spark, keywordCase: 'upper', tabWidth: 2 });
}
