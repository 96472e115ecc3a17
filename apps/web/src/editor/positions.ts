import type { SqlPosition } from '@console/shared-types';

/** An editor range, 1-based, in Monaco's field names. */
export interface EditorRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** Returns the 1-based line and column of a 0-based character offset in `text`. */
export function offsetToPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(0, offset), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Moves a position reported for the SQL that ran into the editor text, where
 * that SQL starts at `origin` (a selection or one statement of several).
 */
export function toEditorPosition(
  origin: { line: number; column: number },
  position: SqlPosition,
): { line: number; column: number } {
  const line = origin.line + position.line - 1;
  const column = position.line === 1 ? origin.column + position.column - 1 : position.column;
  return { line, column };
}

/**
 * Rewrites "line L, column C" in an error message so that it counts from the
 * top of the editor, like the underline, rather than from the start of the SQL
 * that ran. `details.position` keeps the BFF's own numbers.
 */
export function messageInEditorTerms(
  message: string,
  origin: { line: number; column: number },
  position: SqlPosition,
): string {
  const mapped = toEditorPosition(origin, position);
  if (mapped.line === position.line && mapped.column === position.column) return message;
  return message.replace(
    `line ${position.line}, column ${position.column}`,
    `line ${mapped.line}, column ${mapped.column}`,
  );
}

/**
 * Returns the range to underline: `length` characters when known, otherwise up
 * to the end of the word at the position (`wordEnd`, a column), at least one
 * character, and never past the end of the line.
 */
export function underlineRange(
  position: { line: number; column: number },
  lineLength: number,
  length: number | undefined,
  wordEnd: number | null,
): EditorRange {
  const lastColumn = lineLength + 1;
  const start = Math.min(Math.max(1, position.column), Math.max(1, lastColumn - 1));
  let end = length !== undefined && length > 0 ? start + length : (wordEnd ?? start + 1);
  if (end <= start) end = start + 1;
  end = Math.min(end, Math.max(start + 1, lastColumn));
  return { startLineNumber: position.line, startColumn: start, endLineNumber: position.line, endColumn: end };
}

const NAME_END = /[\p{L}\p{N}_$"`)\]]$/u;
const NAME_START = /^[\p{L}\p{N}_$"`(]/u;

/**
 * Returns `text` with a space before or after it where a neighbouring
 * character would otherwise run into it. A name inserted from the schema
 * browser then never joins the word next to the cursor.
 */
export function spacedInsertion(before: string, text: string, after: string): string {
  const leading = NAME_END.test(before) && NAME_START.test(text) ? ' ' : '';
  const trailing = NAME_END.test(text) && NAME_START.test(after) ? ' ' : '';
  return `${leading}${text}${trailing}`;
}
