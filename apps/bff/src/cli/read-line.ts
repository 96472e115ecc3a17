import { createInterface } from 'node:readline';

/**
 * Reads the first line of standard input, without its line end. Works with a
 * pipe (`printf '%s\n' secret | ...`) and at a terminal, where `prompt` is
 * written to standard error first. Returns undefined when input ends before
 * any text.
 */
export function readFirstLine(prompt: string): Promise<string | undefined> {
  if (process.stdin.isTTY) process.stderr.write(prompt);
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once('close', () => {
      if (!answered) resolve(undefined);
    });
  });
}
