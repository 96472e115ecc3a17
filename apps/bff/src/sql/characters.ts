/**
 * Character classes for the SQL lexer. Code points, not UTF-16 units, so a
 * letter outside the Basic Multilingual Plane is still one letter.
 */

const LETTER_OR_MARK_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /\p{L}/u;

/**
 * Whitespace as Spark 4's lexer reads it (ASCII spaces, NBSP, U+1680,
 * U+2000 to U+200A, U+2028, U+202F, U+205F, U+3000), plus U+0085 and U+2029,
 * which PostgreSQL-style tools also split on.
 */
export function isSpace(code: number): boolean {
  if (code <= 0x20) {
    return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  }
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/**
 * Invisible format characters: zero-width spaces and joiners, the byte order
 * mark, the soft hyphen and the bidirectional controls. Between tokens they
 * count as whitespace; inside a word the check rejects them (see the lexer).
 */
export function isInvisible(code: number): boolean {
  if (code < 0xad) return false;
  return (
    code === 0xad ||
    code === 0x061c ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x206f) ||
    code === 0xfeff
  );
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Tests for a character that can begin an unquoted identifier or keyword. */
export function isWordStart(code: number): boolean {
  if (code < 0x80) return isAsciiLetter(code) || code === 0x5f;
  return LETTER.test(String.fromCodePoint(code));
}

/** Tests for a character that can continue an unquoted identifier (`$` as PostgreSQL allows it). */
export function isWordPart(code: number): boolean {
  if (code < 0x80) return isAsciiLetter(code) || isDigit(code) || code === 0x5f || code === 0x24;
  if (isSpace(code) || isInvisible(code)) return false;
  return LETTER_OR_MARK_OR_DIGIT.test(String.fromCodePoint(code));
}

/** Tests for a letter in the sense of Spark's `UNICODE_LETTER`, used for its URI identifiers. */
export function isLetter(code: number): boolean {
  if (code < 0x80) return isAsciiLetter(code);
  return LETTER.test(String.fromCodePoint(code));
}

/** Tests for a character Spark allows after `://` in an unquoted URI identifier such as `file://tmp/a-b#c`. */
export function isUriPart(code: number): boolean {
  if (code < 0x80) {
    return isAsciiLetter(code) || isDigit(code) || '_/-.?=&#%'.includes(String.fromCharCode(code));
  }
  return LETTER.test(String.fromCodePoint(code));
}

/** Formats a code point the way the Unicode standard writes it, e.g. `U+200B`. */
export function formatCodePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
