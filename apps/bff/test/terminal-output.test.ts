import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error: a script of the repository without type declarations
import { createTerminalOutput } from '../../../scripts/lib/terminal-output.mjs';

const dirs: string[] = [];

afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function logFileIn(): string {
  const dir = mkdtempSync(join(tmpdir(), 'terminal-output-'));
  dirs.push(dir);
  return join(dir, 'logs', 'console.log');
}

describe('npm start output', () => {
  it('keeps the demo password out of the log file', () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
    const logFile = logFileIn();
    const output = createTerminalOutput(logFile) as (name: string, chunk: Buffer) => void;

    output('bff', Buffer.from('Created the admin user "demo" with the password s3cret-Pw\n'));
    output('bff', Buffer.from('{"level":30,"msg":"request completed"}\n'));

    const file = readFileSync(logFile, 'utf8');
    expect(file).toBe('[bff] {"level":30,"msg":"request completed"}\n');
    expect(printed).toEqual(['Created the admin user "demo" with the password s3cret-Pw']);
  });

  it('makes the log file readable only by its owner', () => {
    const logFile = logFileIn();
    createTerminalOutput(logFile);
    expect(statSync(logFile).mode & 0o777).toBe(0o600);
  });

  it('restricts a log file that others could read', () => {
    const logFile = logFileIn();
    createTerminalOutput(logFile);
    writeFileSync(logFile, 'older lines\n');
    chmodSync(logFile, 0o644);

    createTerminalOutput(logFile);
    expect(statSync(logFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(logFile, 'utf8')).toBe('older lines\n');
  });
});
