import { DuckDBInstance } from '@duckdb/node-api';
import { orgDatabasePath, pathExists } from './data-dir.js';
import { READ_ONLY_OPTIONS } from './engine-options.js';

/**
 * Opens each organization's database file once, read-only and locked down,
 * and keeps it open for the server's lifetime. Each organization has its own
 * DuckDB instance, so a query can only name that organization's tables.
 */
export class OrgDatabases {
  private readonly dataDir: string;
  private readonly instances = new Map<string, Promise<DuckDBInstance>>();

  constructor(dataDir: string) {
    this.dataDir = dataDir;
  }

  /** Returns the organization's database, or undefined when it has no database file. */
  async get(orgId: string): Promise<DuckDBInstance | undefined> {
    const cached = this.instances.get(orgId);
    if (cached) return cached;

    const filePath = orgDatabasePath(this.dataDir, orgId);
    if (!(await pathExists(filePath))) return undefined;

    // A check-then-open race between two first requests would open the
    // file twice, so the pending open is cached before it is awaited.
    const opening = this.instances.get(orgId) ?? DuckDBInstance.create(filePath, READ_ONLY_OPTIONS);
    this.instances.set(orgId, opening);
    try {
      return await opening;
    } catch (error) {
      this.instances.delete(orgId);
      throw error;
    }
  }

  async closeAll(): Promise<void> {
    const pending = [...this.instances.values()];
    this.instances.clear();
    for (const result of await Promise.allSettled(pending)) {
      if (result.status === 'fulfilled') result.value.closeSync();
    }
  }
}
