export const HELP = `Usage: node dist/cli.js <command> [options]

A local server for the vendor SQL API contract, backed by DuckDB.

Commands:
  serve   Serve POST /v1/<org-id>/admin/sql_query over HTTP.
  demo    Generate the demo organizations "demo" and "acme".
  token   Create or list bearer tokens.
  load    Load CSV or Parquet files into an organization as tables.

serve --data-dir DIR [options]
  --data-dir DIR           data directory (env SQL_API_DATA_DIR)
  --host HOST              address to listen on; default 127.0.0.1 (env SQL_API_HOST)
  --port PORT              TCP port, 0 for any free port; default 8090 (env SQL_API_PORT)
  --rate-limit N           requests per rolling minute per token, 0 for no limit;
                           default 6 (env SQL_API_RATE_LIMIT)
  --max-rows N             rows per call before "truncated" is true; default 1000
                           (env SQL_API_MAX_ROWS)
  --timeout-seconds S      time per query before it is interrupted, in seconds;
                           default 30 (env SQL_API_TIMEOUT_SECONDS)
  --demo                   generate the demo organizations first if they are missing
  Prints "SQL API listening on <url>" once listening; stops on SIGINT or SIGTERM.

demo --data-dir DIR [--force] [--scale X]
  --force                  rebuild organizations that already exist
  --scale X                multiply the larger row counts (default 1: 30,000 conversations)

token create --data-dir DIR --org ORG --role ROLE [--name NAME] [--out-file FILE]
  Prints the new token once. Only roles admin and service may run queries.
  --out-file FILE          write the token to FILE (mode 0600) instead of printing it
token list --data-dir DIR
  Lists tokens without their secrets.

load --data-dir DIR --org ORG FILE... [--table NAME]
  Loads .csv, .tsv or .parquet files as tables named after each file, or NAME
  for a single file. Stop a running server first: it holds the database open.

  -h, --help               show this help
`;
