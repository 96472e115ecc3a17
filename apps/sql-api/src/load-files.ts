import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { assertValidOrgId, orgDatabasePath, orgsDirectory, pathExists } from './data-dir.js';
import { errorMessage } from './engine-message.js';

export interface LoadOptions {
  org: string;
  files: string[];
  /** Table name for a single file; by default each file's name without extension. */
  table?: string;
}

export interface LoadedTable {
  table: string;
  file: string;
  rows: number;
}

const READERS: readonly { pattern: RegExp; reader: string }[] = [
  { pattern: /\.parquet$/i, reader: 'read_parquet' },
  { pattern: /\.(csv|tsv|txt)(\.gz|\.zst)?$/i, reader: 'read_csv' },
];

const TABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Loads CSV or Parquet files into an organization's database as tables,
 * replacing tables of the same name. It opens the database writable on its
 * own connection; DuckDB lets only one process hold a file writable, so a
 * server that has the organization open must be stopped first.
 */
export async function loadFiles(dataDir: string, options: LoadOptions): Promise<LoadedTable[]> {
  assertValidOrgId(options.org);
  if (options.files.length === 0) throw new Error('No files given: name one or more .csv or .parquet files to load.');
  if (options.table !== undefined && options.files.length > 1) {
    throw new Error(`--table names one table, but ${options.files.length} files were given: load them one at a time.`);
  }

  const plans = options.files.map((file) => planLoad(file, options.table));
  for (const plan of plans) {
    if (!(await pathExists(plan.file))) throw new Error(`File not found: ${plan.file}`);
  }

  await mkdir(orgsDirectory(dataDir), { recursive: true });
  const databasePath = orgDatabasePath(dataDir, options.org);
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(databasePath);
  } catch (error) {
    throw new Error(
      `Could not open ${databasePath} for writing: ${errorMessage(error)}. If the SQL API server is running, stop it and retry.`,
    );
  }

  const loaded: LoadedTable[] = [];
  try {
    const connection = await instance.connect();
    for (const plan of plans) {
      await connection.run(`CREATE OR REPLACE TABLE "${plan.table}" AS SELECT * FROM ${plan.reader}($1)`, [plan.file]);
      const reader = await connection.runAndReadAll(`SELECT count(*) FROM "${plan.table}"`);
      loaded.push({ table: plan.table, file: plan.file, rows: Number(reader.getRows()[0]?.[0] ?? 0) });
    }
    await connection.run('CHECKPOINT');
    connection.closeSync();
  } finally {
    instance.closeSync();
  }
  return loaded;
}

function planLoad(file: string, table: string | undefined): { file: string; table: string; reader: string } {
  const absolute = path.resolve(file);
  const format = READERS.find((candidate) => candidate.pattern.test(absolute));
  if (!format) throw new Error(`Unsupported file type: ${file}. Load .csv, .tsv or .parquet files.`);

  const name = table ?? path.basename(absolute).replace(/\..*$/, '').replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)/, '_');
  if (!TABLE_NAME_PATTERN.test(name)) {
    throw new Error(`Invalid table name "${name}": use letters, digits and "_", starting with a letter or "_". Pass --table NAME.`);
  }
  return { file: absolute, table: name, reader: format.reader };
}
