/** Settings of a running SQL API. Defaults are the vendor contract's limits. */
export interface SqlApiOptions {
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Requests per rolling minute per token; 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** Rows returned per call before `truncated` becomes true. */
  maxRows?: number;
  /** Time per query before it is interrupted, in milliseconds. */
  timeoutMs?: number;
  /** Writes pino log lines to this stream; no logging when absent. */
  logStream?: NodeJS.WritableStream;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8090,
  rateLimitPerMinute: 6,
  maxRows: 1000,
  timeoutMs: 30_000,
} as const;

export type ResolvedOptions = Required<Omit<SqlApiOptions, 'logStream'>> & Pick<SqlApiOptions, 'logStream'>;

/** Fills in defaults and throws a usage error for a limit that makes no sense. */
export function resolveOptions(options: SqlApiOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    dataDir: options.dataDir,
    host: options.host ?? DEFAULTS.host,
    port: options.port ?? DEFAULTS.port,
    rateLimitPerMinute: options.rateLimitPerMinute ?? DEFAULTS.rateLimitPerMinute,
    maxRows: options.maxRows ?? DEFAULTS.maxRows,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    logStream: options.logStream,
  };
  if (resolved.dataDir === '') throw new Error('The data directory is missing: pass --data-dir or set SQL_API_DATA_DIR.');
  assertInteger('port', resolved.port, 0, 65_535);
  assertInteger('rate limit per minute', resolved.rateLimitPerMinute, 0, 1_000_000);
  assertInteger('max rows', resolved.maxRows, 1, 10_000_000);
  assertInteger('timeout in milliseconds', resolved.timeoutMs, 1, 24 * 3_600_000);
  return resolved;
}

function assertInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Invalid ${name}: ${value}. Use a whole number from ${min} to ${max}.`);
  }
}
