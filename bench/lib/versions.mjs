import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem, release } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';

const require = createRequire(import.meta.url);

function packageVersion(name) {
  try {
    const manifestPath = require.resolve(`${name}/package.json`);
    return JSON.parse(readFileSync(manifestPath, 'utf8')).version;
  } catch {
    return null;
  }
}

async function duckdbEngineVersion() {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll('SELECT version()');
    return String(reader.getRows()[0]?.[0] ?? '');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The machine and the software versions a result file records; Chromium's is added once it runs. */
export async function describeMachine() {
  const processors = cpus();
  return {
    machine: {
      cpuCount: processors.length,
      cpuModel: processors[0]?.model ?? null,
      memoryMB: Math.round(totalmem() / 1024 / 1024),
      platform: `${process.platform} ${release()}`,
    },
    versions: {
      node: process.version,
      chromium: null,
      duckdb: await duckdbEngineVersion(),
      duckdbNodeApi: packageVersion('@duckdb/node-api'),
      playwright: packageVersion('@playwright/test'),
      autocannon: packageVersion('autocannon'),
      papaparse: packageVersion('papaparse'),
    },
  };
}
