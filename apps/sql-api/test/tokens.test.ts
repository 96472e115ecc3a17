import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/cli-io.js';
import { runCli } from '../src/cli/run-cli.js';
import { tokensFilePath } from '../src/data-dir.js';
import { createToken, listTokens } from '../src/index.js';
import { hashToken, TokenLookup } from '../src/token-store.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sql-api-tokens-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), env: {} };
}

describe('token store', () => {
  it('stores only the SHA-256 hash of a token', async () => {
    const token = await createToken(dataDir, { org: 'demo', role: 'admin', name: 'console' });
    const fileText = await readFile(tokensFilePath(dataDir), 'utf8');

    expect(token).toMatch(/^sqlapi_[A-Za-z0-9_-]{43}$/);
    expect(fileText).not.toContain(token);
    expect(fileText).toContain(hashToken(token));
  });

  it('writes tokens.json readable by its owner only', async () => {
    await createToken(dataDir, { org: 'demo', role: 'admin' });

    expect((await stat(tokensFilePath(dataDir))).mode & 0o777).toBe(0o600);
  });

  it('lists tokens without their hashes', async () => {
    await createToken(dataDir, { org: 'demo', role: 'admin', name: 'console' });
    await createToken(dataDir, { org: 'acme', role: 'analyst' });

    const tokens = await listTokens(dataDir);

    expect(tokens.map((token) => [token.org, token.role, token.name])).toEqual([
      ['demo', 'admin', 'console'],
      ['acme', 'analyst', 'acme-analyst'],
    ]);
    expect(JSON.stringify(tokens)).not.toContain('sha256');
  });

  it('finds a token by its plaintext only', async () => {
    const token = await createToken(dataDir, { org: 'demo', role: 'service' });
    const lookup = new TokenLookup(dataDir);

    expect((await lookup.find(token))?.org).toBe('demo');
    expect(await lookup.find(`${token}x`)).toBeUndefined();
    expect(await lookup.find(hashToken(token))).toBeUndefined();
  });

  it('rejects an organization id that is not a safe file name', async () => {
    await expect(createToken(dataDir, { org: '../etc', role: 'admin' })).rejects.toThrow('Invalid organization id "../etc"');
  });

  it('rejects a role that is not a lower-case word', async () => {
    await expect(createToken(dataDir, { org: 'demo', role: 'Admin!' })).rejects.toThrow('Invalid role "Admin!"');
  });
});

describe('token command', () => {
  it('prints a new token once on stdout', async () => {
    const io = captureIo();

    const status = await runCli(['token', 'create', '--data-dir', dataDir, '--org', 'demo', '--role', 'admin'], io);

    expect(status).toBe(0);
    expect(io.stdout).toHaveLength(1);
    expect(io.stdout[0]).toMatch(/^sqlapi_/);
    expect(io.stderr.join('\n')).toContain('shown only once');
  });

  it('writes the token to a 0600 file and prints only where it went', async () => {
    const io = captureIo();
    const outFile = path.join(dataDir, 'bff-token');

    const status = await runCli(['token', 'create', '--data-dir', dataDir, '--org', 'demo', '--role', 'service', '--out-file', outFile], io);
    const token = (await readFile(outFile, 'utf8')).trim();

    expect(status).toBe(0);
    expect((await stat(outFile)).mode & 0o777).toBe(0o600);
    expect(io.stdout.join('\n')).toContain(outFile);
    expect(io.stdout.join('\n')).not.toContain(token);
    expect(io.stderr.join('\n')).not.toContain(token);
    expect((await new TokenLookup(dataDir).find(token))?.role).toBe('service');
  });

  it('replaces an existing token file with mode 0600', async () => {
    const outFile = path.join(dataDir, 'bff-token');
    await writeFile(outFile, 'old secret\n', { mode: 0o644 });

    const status = await runCli(['token', 'create', '--data-dir', dataDir, '--org', 'demo', '--role', 'admin', '--out-file', outFile], captureIo());
    const token = (await readFile(outFile, 'utf8')).trim();

    expect(status).toBe(0);
    expect(token).toMatch(/^sqlapi_/);
    expect((await stat(outFile)).mode & 0o777).toBe(0o600);
  });

  it('lists tokens as tab-separated lines', async () => {
    await createToken(dataDir, { org: 'demo', role: 'admin', name: 'console' });
    const io = captureIo();

    const status = await runCli(['token', 'list', '--data-dir', dataDir], io);

    expect(status).toBe(0);
    expect(io.stdout[0]).toBe('id\torg\trole\tname\tcreated_at');
    expect(io.stdout[1]).toMatch(/^[0-9a-f-]{36}\tdemo\tadmin\tconsole\t\d{4}-/);
  });

  it('reports a missing role as a usage error', async () => {
    const io = captureIo();

    const status = await runCli(['token', 'create', '--data-dir', dataDir, '--org', 'demo'], io);

    expect(status).toBe(2);
    expect(io.stderr.join('\n')).toContain('Missing --role ROLE');
  });
});
