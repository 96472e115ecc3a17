import { access } from 'node:fs/promises';
import path from 'node:path';

/**
 * Organization ids double as file names, so they are limited to characters
 * that are safe in a path on every platform and cannot climb out of the
 * data directory.
 */
const ORG_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function isValidOrgId(orgId: string): boolean {
  return ORG_ID_PATTERN.test(orgId);
}

/** Throws a usage error for an organization id that is not safe as a file name. */
export function assertValidOrgId(orgId: string): void {
  if (!isValidOrgId(orgId)) {
    throw new Error(
      `Invalid organization id "${orgId}": use 1 to 63 lower-case letters, digits, "_" or "-", starting with a letter or digit.`,
    );
  }
}

export function orgsDirectory(dataDir: string): string {
  return path.join(dataDir, 'orgs');
}

/** Path of an organization's database file: `<dataDir>/orgs/<orgId>.duckdb`. */
export function orgDatabasePath(dataDir: string, orgId: string): string {
  return path.join(orgsDirectory(dataDir), `${orgId}.duckdb`);
}

export function tokensFilePath(dataDir: string): string {
  return path.join(dataDir, 'tokens.json');
}

export async function pathExists(filePath: string): Promise<boolean> {
  try {
    await access(filePath);
    return true;
  } catch {
    return false;
  }
}
