import type { SqlPosition } from './errors.js';

/**
 * DuckDB appends the failing line to many error messages, with a caret under
 * the error, as in:
 *
 *     Binder Error: Referenced column "idd" not found in FROM clause!
 *
 *     LINE 3: where idd = 1
 *                   ^
 *
 * The caret counts display columns (an emoji is two wide) and long lines are
 * cut to a window that starts and ends with "...". This module splits such a
 * message into the text and a position in the SQL, counted in UTF-16 code
 * units as JavaScript strings and browser editors count them.
 */
const CONTEXT_PATTERN = /\n\s*\nLINE (\d+): (.*)\n( *)\^\s*$/s;
const EXTRACT_PREFIX = 'Failed to extract statements: ';
const ELLIPSIS = '...';

export interface EngineError {
  message: string;
  position: SqlPosition | undefined;
}

export function splitEngineMessage(rawMessage: string, sql: string): EngineError {
  const withoutPrefix = rawMessage.startsWith(EXTRACT_PREFIX) ? rawMessage.slice(EXTRACT_PREFIX.length) : rawMessage;
  const match = CONTEXT_PATTERN.exec(withoutPrefix);
  if (!match) return { message: withoutPrefix.trim(), position: undefined };

  const message = withoutPrefix.slice(0, match.index).trim();
  const lineNumber = Number(match[1]);
  const snippet = match[2] ?? '';
  const caretWidth = (match[3] ?? '').length - `LINE ${match[1]}: `.length;
  const position = locateCaret(sql, lineNumber, snippet, caretWidth);
  return { message, position };
}

function locateCaret(sql: string, lineNumber: number, snippet: string, caretWidth: number): SqlPosition | undefined {
  const line = sql.split(/\r\n|\r|\n/)[lineNumber - 1];
  if (line === undefined || caretWidth < 0) return undefined;

  let visible = snippet;
  let width = caretWidth;
  if (visible.startsWith(ELLIPSIS)) {
    visible = visible.slice(ELLIPSIS.length);
    width -= ELLIPSIS.length;
  }
  if (visible.endsWith(ELLIPSIS)) visible = visible.slice(0, -ELLIPSIS.length);
  const start = line.indexOf(visible);
  if (start < 0 || width < 0) return undefined;

  const index = start + indexAtDisplayWidth(line.slice(start), width);
  return { line: lineNumber, column: index + 1 };
}

/** Converts a display width from the start of `text` to a UTF-16 index. */
function indexAtDisplayWidth(text: string, width: number): number {
  let consumed = 0;
  let index = 0;
  for (const character of text) {
    if (consumed >= width) break;
    consumed += displayWidth(character);
    index += character.length;
  }
  return index;
}

const WIDE_CHARACTER = /[\p{Extended_Pictographic}\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;
const ZERO_WIDTH_CHARACTER = /[\p{Mn}\p{Me}\u200B-\u200F\uFE0F]/u;

function displayWidth(character: string): number {
  if (ZERO_WIDTH_CHARACTER.test(character)) return 0;
  return WIDE_CHARACTER.test(character) ? 2 : 1;
}

/** Converts an offset in code points, as DuckDB's parser reports it, to a line and column. */
export function positionFromCodePointOffset(sql: string, codePointOffset: number): SqlPosition {
  let line = 1;
  let column = 1;
  let seen = 0;
  for (const character of sql) {
    if (seen >= codePointOffset) break;
    seen += 1;
    if (character === '\n') {
      line += 1;
      column = 1;
    } else {
      column += character.length;
    }
  }
  return { line, column };
}

/** Returns the message of a thrown value, which DuckDB always makes an Error. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
