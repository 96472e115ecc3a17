/**
 * DuckDB settings for every database that serves queries. The engine itself
 * enforces read-only access and blocks files and the network, so a statement
 * that got past the classifier still could not write, read a file, attach
 * another database or load an extension. `lock_configuration` comes last and
 * stops a query from turning any of this back on with SET or PRAGMA.
 * Setting names as listed by `duckdb_settings()` in DuckDB 1.5.
 */
export const LOCKED_DOWN_OPTIONS: Readonly<Record<string, string>> = {
  enable_external_access: 'false',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  allow_community_extensions: 'false',
  lock_configuration: 'true',
};

export const READ_ONLY_OPTIONS: Readonly<Record<string, string>> = {
  access_mode: 'READ_ONLY',
  ...LOCKED_DOWN_OPTIONS,
};
