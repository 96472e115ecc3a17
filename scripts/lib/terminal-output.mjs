// Keeps `npm start`'s terminal readable: the servers' JSON request logs go to
// a file, while plain messages (the address, the demo password) and warnings
// or errors are printed.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const PINO_WARN = 40;

/** Returns an output function for `startLocalStack` that writes every line to `logFile`. */
export function createTerminalOutput(logFile) {
  mkdirSync(dirname(logFile), { recursive: true });
  const partialLines = new Map();

  const printLine = (name, line) => {
    appendFileSync(logFile, `[${name}] ${line}\n`);
    if (!line.startsWith('{')) {
      console.log(line);
      return;
    }
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      console.log(line);
      return;
    }
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
