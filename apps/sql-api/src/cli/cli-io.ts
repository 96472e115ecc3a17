/** Output streams and environment of the CLI; tests pass their own to capture the output. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  env: process.env,
};

/** An error in how the CLI was called; it exits with status 2 and the usage hint. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Returns the flag's value, else the environment variable's, else undefined. */
export function flagOrEnv(flag: string | undefined, io: CliIo, variable: string): string | undefined {
  if (flag !== undefined) return flag;
  const fromEnv = io.env[variable];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

export function requireDataDir(value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError('Missing --data-dir DIR (or SQL_API_DATA_DIR).');
  return value;
}

/** Parses a non-negative number given on the command line, naming the flag when it is invalid. */
export function parseNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) {
    throw new UsageError(`Invalid ${name} "${value}": use a number of 0 or more.`);
  }
  return parsed;
}
