import type { SqlPosition } from '@console/shared-types';

/**
 * Converts UTF-16 offsets to a 1-based line and column, the units the Monaco
 * editor uses. LF, CR and CRLF each end a line.
 */
export function toPosition(sql: string, start: number, end: number): SqlPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < start; i++) {
    const code = sql.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && sql.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  const position: SqlPosition = { line, column: start - lineStart + 1 };
  if (end > start) position.length = end - start;
  return position;
}
