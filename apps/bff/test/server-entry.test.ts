import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseEnv } from './support/bff-harness.js';
import { builtFile } from './support/built-bff.js';

let server: string;
const dir = mkdtempSync(join(tmpdir(), 'bff-server-'));

beforeAll(() => {
  server = builtFile('server.js');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts dist/server.js and resolves with its URL once it prints one. */
function startServer(env: Record<string, string | undefined>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [server], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${stdout}\n${stderr}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening at (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => stdout });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
}

function stopServer(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('server entrypoint', () => {
  it('creates the demo admin once, prints its password and stops on SIGTERM', async () => {
    const env = { ...baseEnv(join(dir, 'first')), PORT: '0', LOG_LEVEL: 'warn' };
    const { child, url, output } = await startServer(env);

    const printed = /Created the admin user "demo" with the password (\S+)/.exec(output());
    expect(printed?.[1]).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const signIn = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ username: 'demo', password: printed?.[1] }),
    });
    expect(signIn.status).toBe(200);
    expect(await stopServer(child)).toBe(0);

    const again = await startServer(env);
    expect(again.output()).not.toContain('Created the admin user');
    expect(await stopServer(again.child)).toBe(0);
  });

  it('takes the demo password from CONSOLE_DEMO_PASSWORD', async () => {
    const env = { ...baseEnv(join(dir, 'second')), PORT: '0', LOG_LEVEL: 'warn', CONSOLE_DEMO_PASSWORD: 'demo password 1' };
    const { child, url, output } = await startServer(env);

    expect(output()).toContain('with the password from CONSOLE_DEMO_PASSWORD');
    expect(output()).not.toContain('demo password 1');
    const signIn = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ username: 'demo', password: 'demo password 1' }),
    });
    expect(signIn.status).toBe(200);
    expect(await stopServer(child)).toBe(0);
  });

  it('exits 1 naming every missing variable', () => {
    const result = spawnSync(process.execPath, [server], { env: { PATH: process.env.PATH }, encoding: 'utf8' });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SQL_API_BASE_URL is missing.');
    expect(result.stderr).toContain('SESSION_SECRET (or SESSION_SECRET_FILE) is missing.');
  });
});
