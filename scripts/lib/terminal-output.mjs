// Keeps `npm start`'s terminal readable: the servers' JSON log lines go to a
// file, while plain messages (the address, the demo password) and warnings or
// errors are printed.
import { appendFileSync, chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

const PINO_WARN = 40;

/**
 * Returns an output function for `startLocalStack` that writes the JSON log
 * lines to `logFile`, readable only by its owner, and prints the rest. Plain
 * lines stay out of the file, because one of them is the generated demo
 * password, which is shown only once.
 */
export function createTerminalOutput(logFile) {
  mkdirSync(dirname(logFile), { recursive: true, mode: 0o700 });
  // An older version created the file readable by others, so its mode is set again here.
  closeSync(openSync(logFile, 'a', 0o600));
  chmodSync(logFile, 0o600);
  const partialLines = new Map();

  const printLine = (name, line) => {
    let entry;
    try {
      entry = line.startsWith('{') ? JSON.parse(line) : undefined;
    } catch {
      entry = undefined;
    }
    if (typeof entry !== 'object' || entry === null) {
      console.log(line);
      return;
    }
    appendFileSync(logFile, `[${name}] ${line}\n`);
    if (typeof entry.level === 'number' && entry.level >= PINO_WARN) {
      const detail = entry.err?.message ? ` (${entry.err.message})` : '';
      console.error(`[${name}] ${entry.level >= 50 ? 'error' : 'warning'}: ${entry.msg}${detail}`);
    }
  };

  return (name, chunk) => {
    const text = (partialLines.get(name) ?? '') + chunk.toString('utf8');
    const lines = text.split('\n');
    partialLines.set(name, lines.pop() ?? '');
    for (const line of lines) printLine(name, line);
  };
}
