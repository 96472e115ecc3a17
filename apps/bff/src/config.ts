import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface Config {
  sqlApi: {
    baseUrl: string;
    orgId: string;
    token: string;
    caFile: string | undefined;
    timeoutMs: number;
  };
  host: string;
  port: number;
  dataDir: string;
  session: {
    secret: string;
    cookieSecure: boolean;
    idleMs: number;
    maxAgeMs: number;
  };
  budget: {
    sharedLimit: number;
    windowMs: number;
    perUserLimit: number;
    maxWaitMs: number;
  };
  cacheTtlMs: number;
  maxSqlBytes: number;
  snapshotTtlMs: number;
  webRoot: string;
  logLevel: LogLevel;
  trustProxy: boolean | number | string[];
}

export type Env = Record<string, string | undefined>;

/** Thrown by `loadConfig` with every problem found, one per line. */
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const SESSION_SECRET_MIN_LENGTH = 32;

// `dist/config.js` and `src/config.ts` both sit two levels below `apps/`.
const DEFAULT_WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * Reads and validates the BFF's settings from environment variables. Collects
 * every problem before throwing, so one start shows all of them.
 */
export function loadConfig(env: Env): Config {
  const reader = new EnvReader(env);

  const baseUrl = reader.url('SQL_API_BASE_URL');
  const orgId = reader.required('SQL_API_ORG_ID');
  const token = reader.secret('SQL_API_TOKEN', 'SQL_API_TOKEN_FILE', 1);
  const sessionSecret = reader.secret('SESSION_SECRET', 'SESSION_SECRET_FILE', SESSION_SECRET_MIN_LENGTH);
  const caFile = reader.optional('SQL_API_CA_FILE');
  if (caFile !== undefined) reader.readableFile('SQL_API_CA_FILE', caFile);

  const config: Config = {
    sqlApi: {
      baseUrl: baseUrl ?? '',
      orgId: orgId ?? '',
      token: token ?? '',
      caFile,
      timeoutMs: reader.number('SQL_API_TIMEOUT_SECONDS', 35, { min: 1 }) * 1000,
    },
    host: reader.optional('HOST') ?? '127.0.0.1',
    port: reader.integer('PORT', 8080, { min: 0, max: 65535 }),
    dataDir: resolve(reader.optional('DATA_DIR') ?? './data/bff'),
    session: {
      secret: sessionSecret ?? '',
      cookieSecure: reader.boolean('COOKIE_SECURE', true),
      idleMs: reader.number('SESSION_IDLE_MINUTES', 30, { min: 1 }) * 60_000,
      maxAgeMs: reader.number('SESSION_MAX_HOURS', 12, { min: 0.1 }) * 3_600_000,
    },
    budget: {
      sharedLimit: reader.integer('BUDGET_LIMIT', 6, { min: 1 }),
      windowMs: reader.number('BUDGET_WINDOW_SECONDS', 60, { min: 1 }) * 1000,
      perUserLimit: reader.integer('USER_LIMIT', 6, { min: 1 }),
      maxWaitMs: reader.number('QUEUE_MAX_WAIT_SECONDS', 15, { min: 0 }) * 1000,
    },
    cacheTtlMs: reader.number('CACHE_TTL_SECONDS', 60, { min: 0 }) * 1000,
    maxSqlBytes: reader.integer('MAX_SQL_KB', 100, { min: 1, max: 10_240 }) * 1024,
    snapshotTtlMs: reader.number('SNAPSHOT_TTL_DAYS', 7, { min: 0.001 }) * 86_400_000,
    webRoot: resolve(reader.optional('WEB_ROOT') ?? DEFAULT_WEB_ROOT),
    logLevel: reader.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    trustProxy: reader.trustProxy('TRUST_PROXY'),
  };

  if (config.session.idleMs > config.session.maxAgeMs) {
    reader.problems.push(
      `SESSION_IDLE_MINUTES (${config.session.idleMs / 60_000}) must not be longer than SESSION_MAX_HOURS (${config.session.maxAgeMs / 3_600_000} hours).`,
    );
  }

  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return config;
}

/** Parses single variables and records a problem instead of throwing. */
class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  required(name: string): string | undefined {
    const value = this.optional(name);
    if (value === undefined) this.problems.push(`${name} is missing.`);
    return value;
  }

  url(name: string): string | undefined {
    const value = this.required(name);
    if (value === undefined) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      this.problems.push(`${name} must be an http or https URL such as https://sql.example.com, got ${JSON.stringify(value)}.`);
      return undefined;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      this.problems.push(`${name} must use http or https, got ${JSON.stringify(parsed.protocol)}.`);
      return undefined;
    }
    return value.replace(/\/+$/, '');
  }

  /**
   * Reads a secret from `name` or from the file named by `fileName`. Problems
   * name the variable and the file, never the value.
   */
  secret(name: string, fileName: string, minLength: number): string | undefined {
    const direct = this.optional(name);
    const file = this.optional(fileName);
    if (direct !== undefined && file !== undefined) {
      this.problems.push(`Set either ${name} or ${fileName}, not both.`);
      return undefined;
    }
    if (direct === undefined && file === undefined) {
      this.problems.push(`${name} (or ${fileName}) is missing.`);
      return undefined;
    }

    let value = direct;
    if (file !== undefined) {
      value = this.readableFile(fileName, file)?.trim();
      if (value === undefined) return undefined;
    }
    if (value === undefined || value.length < minLength) {
      const source = file === undefined ? name : `The file named by ${fileName}`;
      this.problems.push(
        minLength > 1
          ? `${source} must be at least ${minLength} characters long.`
          : `${source} is empty.`,
      );
      return undefined;
    }
    return value;
  }

  readableFile(name: string, path: string): string | undefined {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
      this.problems.push(`${name} names ${JSON.stringify(path)}, which cannot be read (${reason}).`);
      return undefined;
    }
  }

  number(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    const { min = -Infinity, max = Infinity } = range;
    if (!Number.isFinite(value) || value < min || value > max) {
      this.problems.push(`${name} must be a number${describeRange(min, max)}, got ${JSON.stringify(raw)}.`);
      return fallback;
    }
    return value;
  }

  integer(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const { min = -Infinity, max = Infinity } = range;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number${describeRange(min, max)}, got ${JSON.stringify(raw)}.`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const normalized = raw.toLowerCase();
    if (normalized === 'true' || normalized === '1') return true;
    if (normalized === 'false' || normalized === '0') return false;
    this.problems.push(`${name} must be true or false, got ${JSON.stringify(raw)}.`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const match = allowed.find((candidate) => candidate === raw.toLowerCase());
    if (match === undefined) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}.`);
      return fallback;
    }
    return match;
  }

  /** `false`, `true`, a number of proxy hops, or a comma-separated list of proxy addresses. */
  trustProxy(name: string): boolean | number | string[] {
    const raw = this.optional(name);
    if (raw === undefined) return false;
    const normalized = raw.toLowerCase();
    if (normalized === 'false' || normalized === '0') return false;
    if (normalized === 'true') return true;
    if (/^\d+$/.test(raw)) return Number(raw);
    const addresses = raw.split(',').map((part) => part.trim()).filter((part) => part !== '');
    if (addresses.every((address) => /^[0-9a-fA-F.:/]+$/.test(address))) return addresses;
    this.problems.push(
      `${name} must be true, false, a number of proxy hops or a comma-separated list of proxy addresses, got ${JSON.stringify(raw)}.`,
    );
    return false;
  }
}

function describeRange(min: number, max: number): string {
  if (min !== -Infinity && max !== Infinity) return ` from ${min} to ${max}`;
  if (min !== -Infinity) return ` of at least ${min}`;
  if (max !== Infinity) return ` of at most ${max}`;
  return '';
}
