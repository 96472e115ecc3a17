import { execFile, execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from './fixture.js';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliPath = path.join(packageDir, 'dist', 'cli.js');
const run = promisify(execFile);

let fixture: Fixture;

interface Served {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stderr: () => string;
}

async function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, [cliPath, 'serve', '--port', '0', ...args], {
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /SQL API listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

async function stop(served: Served, signal: NodeJS.Signals): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => served.child.once('exit', (code) => resolve(code)));
  served.child.kill(signal);
  return exited;
}

async function postQuery(url: string, token: string, sql: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/v1/alpha/admin/sql_query`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sql_query: sql, async_query: false }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  execFileSync(path.join(packageDir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: packageDir });
  fixture = await createFixture();
}, 120_000);

afterAll(async () => {
  await fixture.remove();
});

describe('cli', () => {
  it('prints usage with --help', async () => {
    const { stdout } = await run(process.execPath, [cliPath, '--help']);

    expect(stdout).toContain('serve --data-dir DIR');
    expect(stdout).toContain('SQL_API_RATE_LIMIT');
    expect(stdout).toContain('token create --data-dir DIR --org ORG --role ROLE');
  });

  it('exits with 2 on an unknown command', async () => {
    await expect(run(process.execPath, [cliPath, 'frobnicate'])).rejects.toMatchObject({ code: 2 });
  });

  it('exits with 2 on an unknown flag', async () => {
    await expect(run(process.execPath, [cliPath, 'serve', '--data-dir', fixture.dataDir, '--colour'])).rejects.toMatchObject({ code: 2 });
  });

  it('serves queries and stops on SIGTERM', async () => {
    const served = await serve(['--data-dir', fixture.dataDir, '--rate-limit', '0']);

    const response = await postQuery(served.url, fixture.tokens.alphaAdmin, 'SELECT count(*) AS items FROM item');
    const code = await stop(served, 'SIGTERM');

    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(response.body.result).toEqual([['3']]);
    expect(code).toBe(0);
    expect(served.stderr()).toContain('SQL API stopped');
    expect(served.stderr()).not.toContain(fixture.tokens.alphaAdmin);
  });

  it('runs sessions in UTC whatever TZ says', async () => {
    const served = await serve(['--data-dir', fixture.dataDir, '--rate-limit', '0'], { TZ: 'America/New_York' });

    const response = await postQuery(served.url, fixture.tokens.alphaAdmin, "SELECT current_setting('TimeZone'), (TIMESTAMPTZ '2025-01-01 00:30:00+00')::DATE");
    await stop(served, 'SIGTERM');

    expect(response.body.result).toEqual([['UTC', '2025-01-01']]);
  });

  it('reads limits from the environment and stops on SIGINT', async () => {
    const served = await serve([], {
      SQL_API_DATA_DIR: fixture.dataDir,
      SQL_API_MAX_ROWS: '2',
      SQL_API_RATE_LIMIT: '1',
      SQL_API_TIMEOUT_SECONDS: '5',
    });

    const first = await postQuery(served.url, fixture.tokens.alphaAdmin, 'SELECT n FROM numbers ORDER BY n');
    const second = await postQuery(served.url, fixture.tokens.alphaAdmin, 'SELECT 1');
    const code = await stop(served, 'SIGINT');

    expect(first.body.result).toEqual([[0], [1]]);
    expect(first.body.truncated).toBe(true);
    expect(second.status).toBe(429);
    expect(code).toBe(0);
  });

  it('refuses to load into a database a running server holds', async () => {
    const served = await serve(['--data-dir', fixture.dataDir, '--rate-limit', '0']);
    const csvFile = path.join(fixture.dataDir, 'extra.csv');
    await writeFile(csvFile, 'a,b\n1,2\n');
    try {
      await postQuery(served.url, fixture.tokens.alphaAdmin, 'SELECT 1');

      const failure = await run(process.execPath, [cliPath, 'load', '--data-dir', fixture.dataDir, '--org', 'alpha', csvFile]).catch(
        (error: { code: number; stderr: string }) => error,
      );

      expect(failure).toMatchObject({ code: 1 });
      expect((failure as { stderr: string }).stderr).toContain('stop it and retry');
    } finally {
      await stop(served, 'SIGTERM');
    }
  });

  it('generates demo data once and keeps it on the next run', async () => {
    const first = await run(process.execPath, [cliPath, 'demo', '--data-dir', fixture.dataDir, '--scale', '0.01']);
    const second = await run(process.execPath, [cliPath, 'demo', '--data-dir', fixture.dataDir, '--scale', '0.01']);

    expect(first.stdout).toContain('Created demo, acme');
    expect(second.stdout).toContain('Kept existing demo, acme; pass --force to rebuild.');
  });
});
