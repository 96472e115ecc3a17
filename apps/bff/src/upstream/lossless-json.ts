import { parse } from 'lossless-json';

/**
 * Parses JSON text without losing a digit of any number in it.
 *
 * A number literal stays a JavaScript number only when `String(Number(text))`
 * gives back the literal exactly. Every other literal becomes a string with the
 * literal's text: integers above 2^53, DECIMAL values with more digits than a
 * double holds, and also forms such as `2.50` or `1e21` whose text a number
 * would not keep. The result is the same whichever of the two parsers below
 * runs, so callers cannot tell them apart.
 *
 * Throws `SyntaxError` when the text is not valid JSON.
 */
export function parseJsonLosslessly(text: string): unknown {
  // JSON.parse is native and much faster, and exact when every literal survives the round trip.
  if (!hasInexactNumberLiteral(text)) return JSON.parse(text);

  return parse(text, null, {
    parseNumber: numberOrExactText,
    // JSON.parse keeps the last of duplicate keys, so this path does the same.
    onDuplicateKey: ({ newValue }) => newValue,
  });
}

function numberOrExactText(literal: string): number | string {
  const value = Number(literal);
  return String(value) === literal ? value : literal;
}

/**
 * Scans JSON text for a number literal outside strings that a double would
 * change. Invalid JSON may give either result, and the parser rejects it then.
 */
export function hasInexactNumberLiteral(text: string): boolean {
  let index = 0;
  while (index < text.length) {
    const char = text.charCodeAt(index);

    if (char === QUOTE) {
      index = endOfString(text, index);
      continue;
    }

    if (char === MINUS || (char >= DIGIT_0 && char <= DIGIT_9)) {
      const start = index;
      let digitsOnly = true;
      index += 1;
      while (index < text.length) {
        const next = text.charCodeAt(index);
        if (next >= DIGIT_0 && next <= DIGIT_9) index += 1;
        else if (isNumberChar(next)) {
          digitsOnly = false;
          index += 1;
        } else break;
      }
      if (digitsOnly && isExactInteger(text, start, index)) continue;
      const literal = text.slice(start, index);
      if (String(Number(literal)) !== literal) return true;
      continue;
    }

    index += 1;
  }
  return false;
}

/**
 * Tells, without making a string, whether the digits from `start` to `end`
 * (after an optional minus) are an integer a double keeps exactly: at most 15
 * digits, no leading zero, and not `-0`. Any other literal is left to the
 * round trip, so this only saves work and never changes the answer.
 */
function isExactInteger(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start) === MINUS ? start + 1 : start;
  const digits = end - first;
  if (digits < 1 || digits > MAX_EXACT_DIGITS) return false;
  if (text.charCodeAt(first) === DIGIT_0) return digits === 1 && first === start;
  return true;
}

/** Every integer of up to 15 digits is below 2^53, so a double holds it exactly. */
const MAX_EXACT_DIGITS = 15;

/** Returns the index just past the string that starts at `start` (a quote). */
function endOfString(text: string, start: number): number {
  let index = start + 1;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote === -1) return text.length;

    // A quote preceded by an odd number of backslashes is escaped.
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    index = quote + 1;
  }
}

function isNumberChar(char: number): boolean {
  return (
    (char >= DIGIT_0 && char <= DIGIT_9) ||
    char === DOT ||
    char === MINUS ||
    char === PLUS ||
    char === LOWER_E ||
    char === UPPER_E
  );
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
