/**
 * Splits Spark SQL text into tokens with their offsets, for finding statements
 * and completing names. It is forgiving: unterminated strings, quoted names and
 * comments run to the end of the text and are marked, never rejected.
 *
 * Dialect choices (Spark SQL 3.x): `'…'` and `"…"` are strings with backslash
 * escapes, backticks quote identifiers (a doubled backtick is a literal one),
 * comments run from `--` to the end of the line or are bracketed block
 * comments, which nest. `#` starts no comment in Spark, so it is an ordinary
 * character here.
 */

export type SqlTokenKind = 'word' | 'quoted' | 'string' | 'number' | 'comment' | 'punct';

export interface SqlToken {
  kind: SqlTokenKind;
  /** Offset of the first character. */
  start: number;
  /** Offset just after the last character. */
  end: number;
  /** The source text of the token. */
  text: string;
  /** False for a string, quoted identifier or block comment that the text ends inside. */
  terminated: boolean;
}

const BACKTICK = 96;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const MINUS = 45;
const DOT = 46;
const CR = 13;
const LF = 10;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** ASCII letters, digits and `_`, plus every non-ASCII character that is not a space. */
function isWordCode(code: number, char: string): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isDigit(code) || code === 95;
  }
  return !/\s/.test(char);
}

function isSpace(code: number, char: string): boolean {
  return code <= 32 || (code >= 128 && /\s/.test(char));
}

/** Returns the offset just after a string, quoted name or comment that starts at `start`. */
function skipQuoted(text: string, start: number, quote: number): { end: number; terminated: boolean } {
  let index = start + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === BACKSLASH && quote !== BACKTICK) {
      index += 2;
    } else if (code === quote) {
      // A doubled backtick stands for one backtick inside the name.
      if (quote === BACKTICK && text.charCodeAt(index + 1) === BACKTICK) {
        index += 2;
      } else {
        return { end: index + 1, terminated: true };
      }
    } else {
      index++;
    }
  }
  return { end: text.length, terminated: false };
}

function skipBlockComment(text: string, start: number): { end: number; terminated: boolean } {
  let depth = 0;
  let index = start;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === SLASH && text.charCodeAt(index + 1) === STAR) {
      depth++;
      index += 2;
    } else if (code === STAR && text.charCodeAt(index + 1) === SLASH) {
      depth--;
      index += 2;
      if (depth === 0) return { end: index, terminated: true };
    } else {
      index++;
    }
  }
  return { end: text.length, terminated: false };
}

function skipNumber(text: string, start: number): number {
  let index = start;
  while (isDigit(text.charCodeAt(index))) index++;
  if (text.charCodeAt(index) === DOT) {
    index++;
    while (isDigit(text.charCodeAt(index))) index++;
  }
  const marker = text.charCodeAt(index);
  if (marker === 101 || marker === 69) {
    const signOffset = text.charCodeAt(index + 1) === 43 || text.charCodeAt(index + 1) === MINUS ? 1 : 0;
    if (isDigit(text.charCodeAt(index + 1 + signOffset))) {
      index += 1 + signOffset;
      while (isDigit(text.charCodeAt(index))) index++;
    }
  }
  // Type suffixes such as 10L, 1.5BD and 2Y belong to the number.
  while (index < text.length && isWordCode(text.charCodeAt(index), text.charAt(index))) index++;
  return index;
}

/** Splits `text` into tokens; whitespace is dropped and comments are kept as tokens. */
export function lexSql(text: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let index = 0;

  const push = (kind: SqlTokenKind, start: number, end: number, terminated = true): void => {
    tokens.push({ kind, start, end, text: text.slice(start, end), terminated });
    index = end;
  };

  while (index < text.length) {
    const code = text.charCodeAt(index);
    const char = text.charAt(index);
    const next = text.charCodeAt(index + 1);

    if (isSpace(code, char)) {
      index++;
    } else if (code === MINUS && next === MINUS) {
      let end = index + 2;
      while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
      push('comment', index, end);
    } else if (code === SLASH && next === STAR) {
      const { end, terminated } = skipBlockComment(text, index);
      push('comment', index, end, terminated);
    } else if (code === 39 || code === 34) {
      const { end, terminated } = skipQuoted(text, index, code);
      push('string', index, end, terminated);
    } else if (code === BACKTICK) {
      const { end, terminated } = skipQuoted(text, index, code);
      push('quoted', index, end, terminated);
    } else if (isDigit(code) || (code === DOT && isDigit(next))) {
      push('number', index, skipNumber(text, index));
    } else if (isWordCode(code, char)) {
      let end = index + 1;
      while (end < text.length && isWordCode(text.charCodeAt(end), text.charAt(end))) end++;
      push('word', index, end);
    } else {
      push('punct', index, index + 1);
    }
  }
  return tokens;
}

/** Returns the name a word or backtick-quoted token stands for, without quotes. */
export function identifierName(token: SqlToken): string {
  if (token.kind !== 'quoted') return token.text;
  const inner = token.terminated ? token.text.slice(1, -1) : token.text.slice(1);
  return inner.replaceAll('``', '`');
}

/** Returns whether the token is a word equal to one of the upper-case `keywords`. */
export function isKeyword(token: SqlToken | undefined, ...keywords: string[]): boolean {
  return token !== undefined && token.kind === 'word' && keywords.includes(token.text.toUpperCase());
}
