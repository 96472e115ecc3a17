import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/cli-io.js';
import { runCli } from '../src/cli/run-cli.js';
import { createToken, loadFiles } from '../src/index.js';
import { startTestServer } from './fixture.js';

let dataDir: string;
let csvFile: string;
let parquetFile: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sql-api-load-'));
  csvFile = path.join(dataDir, 'support-tickets.csv');
  await writeFile(csvFile, 'id,subject,opened_at\n1,"Refund, please","2025-01-02 03:04:05"\n2,"Line one\nLine two","2025-01-03 00:00:00"\n3,,"2025-01-04 00:00:00"\n');

  parquetFile = path.join(dataDir, 'invoices.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`COPY (SELECT 9007199254740993::BIGINT AS id, 12.5::DECIMAL(38,9) AS amount) TO '${parquetFile}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('loading files', () => {
  it('loads CSV and Parquet files as tables named after them', async () => {
    const loaded = await loadFiles(dataDir, { org: 'own', files: [csvFile, parquetFile] });

    expect(loaded.map((table) => [table.table, table.rows])).toEqual([
      ['support_tickets', 3],
      ['invoices', 1],
    ]);
  });

  it('serves loaded tables under the contract', async () => {
    const token = await createToken(dataDir, { org: 'own', role: 'admin' });
    const server = await startTestServer(dataDir);
    try {
      const tickets = await server.sql(token, 'own', 'SELECT id, subject, opened_at FROM support_tickets ORDER BY id');
      const invoices = await server.sql(token, 'own', 'SELECT id, amount FROM invoices');

      expect(tickets.body.result).toEqual([
        ['1', 'Refund, please', '2025-01-02T03:04:05.000000Z'],
        ['2', 'Line one\nLine two', '2025-01-03T00:00:00.000000Z'],
        ['3', null, '2025-01-04T00:00:00.000000Z'],
      ]);
      expect(invoices.body.result).toEqual([['9007199254740993', '12.500000000']]);
    } finally {
      await server.close();
    }
  });

  it('replaces a table and honours --table', async () => {
    const io: CliIo = { out: () => undefined, err: () => undefined, env: {} };
    const status = await runCli(['load', '--data-dir', dataDir, '--org', 'own', '--table', 'tickets_copy', csvFile], io);
    const again = await loadFiles(dataDir, { org: 'own', files: [csvFile], table: 'tickets_copy' });

    expect(status).toBe(0);
    expect(again).toEqual([{ table: 'tickets_copy', file: csvFile, rows: 3 }]);
  });

  it('rejects an unsupported file type', async () => {
    await expect(loadFiles(dataDir, { org: 'own', files: [path.join(dataDir, 'notes.xlsx')] })).rejects.toThrow('Unsupported file type');
  });

  it('rejects a missing file', async () => {
    await expect(loadFiles(dataDir, { org: 'own', files: [path.join(dataDir, 'missing.csv')] })).rejects.toThrow('File not found');
  });

  it('rejects --table with several files', async () => {
    await expect(loadFiles(dataDir, { org: 'own', files: [csvFile, parquetFile], table: 'both' })).rejects.toThrow('load them one at a time');
  });
});
