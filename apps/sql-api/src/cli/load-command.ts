import { parseArgs } from 'node:util';
import { loadFiles } from '../load-files.js';
import { flagOrEnv, requireDataDir, UsageError, type CliIo } from './cli-io.js';

export async function loadCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      org: { type: 'string' },
      table: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const dataDir = requireDataDir(flagOrEnv(values['data-dir'], io, 'SQL_API_DATA_DIR'));
  if (values.org === undefined) throw new UsageError('Missing --org ORG for "load".');
  if (positionals.length === 0) throw new UsageError('Missing FILE: name one or more .csv or .parquet files to load.');

  const loaded = await loadFiles(dataDir, { org: values.org, files: positionals, table: values.table });
  for (const table of loaded) io.out(`Loaded ${table.rows} rows from ${table.file} into ${values.org}.${table.table}.`);
}
