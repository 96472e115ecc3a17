import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertValidOrgId, tokensFilePath } from './data-dir.js';

/** Roles that may run queries, as the vendor allows admins and service accounts only. */
export const QUERY_ROLES: readonly string[] = ['admin', 'service'];

const ROLE_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
const TOKEN_PREFIX = 'sqlapi_';

/** A stored token. Only the SHA-256 hash of the secret is kept. */
export interface TokenRecord {
  id: string;
  name: string;
  org: string;
  role: string;
  sha256: string;
  created_at: string;
}

interface TokensFile {
  version: 1;
  tokens: TokenRecord[];
}

export interface CreateTokenOptions {
  org: string;
  role: string;
  name?: string;
}

/** A token as listed to people: everything but the hash. */
export type TokenSummary = Omit<TokenRecord, 'sha256'>;

// Tokens are 32 random bytes, so a plain SHA-256 is enough: there is no
// dictionary to guess from, and a slow hash would cost time on every request.
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Creates a token for an organization and role, stores its hash and returns the plaintext once. */
export async function createToken(dataDir: string, options: CreateTokenOptions): Promise<string> {
  assertValidOrgId(options.org);
  if (!ROLE_PATTERN.test(options.role)) {
    throw new Error(`Invalid role "${options.role}": use a lower-case word such as admin, service or analyst.`);
  }

  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const file = await readTokensFile(dataDir);
  const record: TokenRecord = {
    id: randomUUID(),
    name: options.name ?? `${options.org}-${options.role}`,
    org: options.org,
    role: options.role,
    sha256: hashToken(token),
    created_at: new Date().toISOString(),
  };
  file.tokens.push(record);
  await writeTokensFile(dataDir, file);
  return token;
}

export async function listTokens(dataDir: string): Promise<TokenSummary[]> {
  const file = await readTokensFile(dataDir);
  return file.tokens.map(({ sha256: _hash, ...summary }) => summary);
}

export async function readTokensFile(dataDir: string): Promise<TokensFile> {
  const filePath = tokensFilePath(dataDir);
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return { version: 1, tokens: [] };
    throw error;
  }
  return parseTokensFile(text, filePath);
}

function parseTokensFile(text: string, filePath: string): TokensFile {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { tokens?: unknown }).tokens)) {
    throw new Error(`${filePath} is not a tokens file: expected {"version": 1, "tokens": [...]}.`);
  }
  const tokens = (parsed as { tokens: unknown[] }).tokens.filter(isTokenRecord);
  return { version: 1, tokens };
}

function isTokenRecord(value: unknown): value is TokenRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['id', 'name', 'org', 'role', 'sha256', 'created_at'].every((key) => typeof record[key] === 'string');
}

// Written to a temporary file and renamed, so a reader never sees half a file.
async function writeTokensFile(dataDir: string, file: TokensFile): Promise<void> {
  const filePath = tokensFilePath(dataDir);
  await mkdir(path.dirname(filePath), { recursive: true });
  const temporaryPath = `${filePath}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporaryPath, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
  await rename(temporaryPath, filePath);
}

/**
 * Looks tokens up by hash for the server. It rereads tokens.json when the
 * file changes, so tokens created while the server runs work at once.
 */
export class TokenLookup {
  private readonly dataDir: string;
  private records: TokenRecord[] = [];
  private loadedVersion = '';

  constructor(dataDir: string) {
    this.dataDir = dataDir;
  }

  async find(token: string): Promise<TokenRecord | undefined> {
    await this.reloadIfChanged();
    const digest = Buffer.from(hashToken(token), 'hex');
    return this.records.find((record) => {
      const stored = Buffer.from(record.sha256, 'hex');
      return stored.length === digest.length && timingSafeEqual(stored, digest);
    });
  }

  // A synchronous stat takes microseconds on a local disk. The asynchronous
  // one waited behind queries on the thread pool.
  private async reloadIfChanged(): Promise<void> {
    let version: string;
    try {
      const info = statSync(tokensFilePath(this.dataDir));
      version = `${info.mtimeMs}:${info.size}:${info.ino}`;
    } catch (error) {
      if (!isNotFound(error)) throw error;
      this.records = [];
      this.loadedVersion = '';
      return;
    }
    if (version === this.loadedVersion) return;
    this.records = (await readTokensFile(this.dataDir)).tokens;
    this.loadedVersion = version;
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
