import { mkdir, rename, rm } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { orgDatabasePath, orgsDirectory, pathExists } from '../data-dir.js';
import { acmeTablesSql } from './acme-tables.js';
import { HELPER_MACROS } from './demo-helpers.js';
import { demoTablesSql } from './demo-tables.js';
import { trickyValuesSql } from './tricky-values.js';

export interface DemoOptions {
  /** Rebuilds organizations whose database already exists. */
  force?: boolean;
  /** Multiplies the larger row counts; 1 gives 30,000 conversations. Tests use about 0.01. */
  scale?: number;
}

export interface DemoReport {
  created: string[];
  skipped: string[];
}

const DEMO_ORGS: Readonly<Record<string, (scale: number) => string>> = {
  demo: (scale) => demoTablesSql(scale) + trickyValuesSql(),
  acme: (scale) => acmeTablesSql(scale),
};

/**
 * Builds the demo organizations `demo` and `acme` under `<dataDir>/orgs/`.
 * Every value comes from DuckDB SQL over range() with hash-based
 * pseudo-random numbers, so the same scale always gives the same data.
 * Each database is built in a temporary file and renamed into place, so a
 * failed run never leaves a half-built organization behind.
 */
export async function generateDemoData(dataDir: string, options: DemoOptions = {}): Promise<DemoReport> {
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) {
    throw new Error(`Invalid demo scale ${scale}: use a number above 0 and at most 100.`);
  }
  await mkdir(orgsDirectory(dataDir), { recursive: true });

  const report: DemoReport = { created: [], skipped: [] };
  for (const [orgId, tablesSql] of Object.entries(DEMO_ORGS)) {
    const target = orgDatabasePath(dataDir, orgId);
    if (!options.force && (await pathExists(target))) {
      report.skipped.push(orgId);
      continue;
    }
    await buildDatabase(target, tablesSql(scale));
    report.created.push(orgId);
  }
  return report;
}

async function buildDatabase(target: string, tablesSql: string): Promise<void> {
  const temporary = `${target}.${process.pid}.building`;
  await removeDatabaseFiles(temporary);
  const instance = await DuckDBInstance.create(temporary);
  try {
    const connection = await instance.connect();
    // TIMESTAMPTZ values are built from UTC wall-clock times, whatever the
    // machine's time zone is.
    await connection.run("SET TimeZone = 'UTC'");
    await connection.run(HELPER_MACROS);
    await connection.run(tablesSql);
    await connection.run('CHECKPOINT');
    connection.closeSync();
  } catch (error) {
    instance.closeSync();
    await removeDatabaseFiles(temporary);
    throw error;
  }
  instance.closeSync();
  await removeDatabaseFiles(target);
  await rename(temporary, target);
}

async function removeDatabaseFiles(databasePath: string): Promise<void> {
  await rm(databasePath, { force: true });
  await rm(`${databasePath}.wal`, { force: true });
}
