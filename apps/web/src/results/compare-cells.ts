import type { Cell } from '@console/shared-types';
import { columnKind, type ColumnKind } from './column-kind.js';

/**
 * A number parsed from decimal text without going through a double, so 64-bit
 * integers and DECIMAL(38,x) values compare digit for digit. A finite value is
 * `sign × 0.digits × 10^exponent`, where `digits` has no leading or trailing
 * zeros and is empty for zero.
 */
export type DecimalNumber =
  | { kind: 'finite'; sign: -1 | 0 | 1; digits: string; exponent: number }
  | { kind: 'infinity'; sign: -1 | 1 }
  | { kind: 'nan' };

export type SortDirection = 'asc' | 'desc';

const ZERO_CODE = 48;
const NINE_CODE = 57;
const MAX_EXPONENT = 1e15;

/** Returns -1, 0 or 1 for two strings or numbers compared with `<`. */
function compareOrdered<T extends string | number>(a: T, b: T): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

function isDigitCode(code: number): boolean {
  return code >= ZERO_CODE && code <= NINE_CODE;
}

function parseSpecialNumber(rest: string, sign: -1 | 1): DecimalNumber | null {
  const lower = rest.toLowerCase();
  if (lower === 'infinity' || lower === 'inf') return { kind: 'infinity', sign };
  if (lower === 'nan') return { kind: 'nan' };
  return null;
}

/**
 * Parses decimal number text such as `-12.50`, `+3.2`, `.5`, `1.0E-5`,
 * `18446744073709551615`, `Infinity` or `NaN`. Returns null for anything else,
 * including text with surrounding spaces or thousands separators.
 */
export function parseDecimal(text: string): DecimalNumber | null {
  let index = 0;
  let sign: -1 | 1 = 1;
  const first = text.charCodeAt(0);
  if (first === 45 /* - */ || first === 43 /* + */) {
    if (first === 45) sign = -1;
    index = 1;
  }

  const mantissaStart = index;
  while (index < text.length && isDigitCode(text.charCodeAt(index))) index++;
  const integerEnd = index;
  let fractionStart = index;
  let fractionEnd = index;
  if (text.charCodeAt(index) === 46 /* . */) {
    index++;
    fractionStart = index;
    while (index < text.length && isDigitCode(text.charCodeAt(index))) index++;
    fractionEnd = index;
  }
  const digitCount = integerEnd - mantissaStart + (fractionEnd - fractionStart);
  if (digitCount === 0) return parseSpecialNumber(text.slice(mantissaStart), sign);

  let exponent = 0;
  const marker = text.charCodeAt(index);
  if (marker === 101 /* e */ || marker === 69 /* E */) {
    index++;
    let exponentSign = 1;
    const exponentSignCode = text.charCodeAt(index);
    if (exponentSignCode === 45 || exponentSignCode === 43) {
      if (exponentSignCode === 45) exponentSign = -1;
      index++;
    }
    const exponentStart = index;
    while (index < text.length && isDigitCode(text.charCodeAt(index))) index++;
    if (index === exponentStart) return null;
    // Clamped so that differences of exponents stay finite; no real value comes near.
    exponent = exponentSign * Math.min(Number(text.slice(exponentStart, index)), MAX_EXPONENT);
  }
  if (index !== text.length) return null;

  // Normalise to 0.digits × 10^exponent with no leading or trailing zeros.
  const allDigits = text.slice(mantissaStart, integerEnd) + text.slice(fractionStart, fractionEnd);
  let lead = 0;
  while (lead < allDigits.length && allDigits.charCodeAt(lead) === ZERO_CODE) lead++;
  if (lead === allDigits.length) return { kind: 'finite', sign: 0, digits: '', exponent: 0 };
  let trail = allDigits.length;
  while (allDigits.charCodeAt(trail - 1) === ZERO_CODE) trail--;
  return {
    kind: 'finite',
    sign,
    digits: allDigits.slice(lead, trail),
    exponent: integerEnd - mantissaStart - lead + exponent,
  };
}

function decimalFromNumber(value: number): DecimalNumber {
  if (Number.isNaN(value)) return { kind: 'nan' };
  if (!Number.isFinite(value)) return { kind: 'infinity', sign: value < 0 ? -1 : 1 };
  // String() gives the shortest decimal that reads back as the same double, so
  // 0.1 as a number equals "0.1" as text.
  const parsed = parseDecimal(String(value));
  return parsed ?? { kind: 'nan' };
}

/** Orders -Infinity, finite values, +Infinity, NaN, as Spark sorts doubles. */
function decimalRank(value: DecimalNumber): number {
  if (value.kind === 'nan') return 3;
  if (value.kind === 'infinity') return value.sign < 0 ? 0 : 2;
  return 1;
}

/** Compares two parsed numbers exactly. Returns a negative number, zero or a positive number. */
export function compareDecimals(a: DecimalNumber, b: DecimalNumber): number {
  const rankDifference = decimalRank(a) - decimalRank(b);
  if (rankDifference !== 0 || a.kind !== 'finite' || b.kind !== 'finite') return rankDifference;

  if (a.sign !== b.sign) return a.sign - b.sign;
  if (a.sign === 0) return 0;
  let magnitude: number;
  if (a.exponent !== b.exponent) {
    magnitude = a.exponent - b.exponent;
  } else {
    // Digit strings without trailing zeros order like the fractions they stand for.
    magnitude = compareOrdered(a.digits, b.digits);
  }
  return a.sign * Math.sign(magnitude);
}

/**
 * Compares strings by Unicode code point, the order of Spark's default binary
 * collation, so a client-side sort agrees with the engine's ORDER BY.
 * JavaScript's `<` compares UTF-16 code units, which puts emoji before U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let codeA = a.charCodeAt(i);
    let codeB = b.charCodeAt(i);
    if (codeA === codeB) continue;
    // Move surrogates above U+E000..U+FFFF so code units order like code points.
    if (codeA >= 0xd800 && codeB >= 0xd800) {
      codeA = codeA >= 0xe000 ? codeA - 0x800 : codeA + 0x2000;
      codeB = codeB >= 0xe000 ? codeB - 0x800 : codeB + 0x2000;
    }
    return codeA - codeB;
  }
  return a.length - b.length;
}

/** An instant as whole seconds since 1970 plus the fraction's digits, trailing zeros removed. */
interface InstantKey {
  seconds: number;
  fraction: string;
}

const TEMPORAL_PATTERN =
  /^([+-]?\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function offsetSeconds(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 3600 + minutes * 60);
}

/**
 * Parses ISO 8601 dates and timestamps (`T` or space, optional fraction of any
 * length, optional `Z` or offset). A timestamp without a zone counts as UTC,
 * which keeps one column's values in order because they share that reading.
 * Plain text order would be wrong: `12:00:00Z` sorts after `12:00:00.5Z`.
 */
function parseInstant(text: string): InstantKey | null {
  // Engines such as DuckDB and PostgreSQL send infinite dates and timestamps as words.
  const lower = text.toLowerCase();
  if (lower === 'infinity' || lower === '+infinity') return { seconds: Infinity, fraction: '' };
  if (lower === '-infinity') return { seconds: -Infinity, fraction: '' };

  const match = TEMPORAL_PATTERN.exec(text);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const date = new Date(0);
  // setUTCFullYear keeps years 0..99 as written; Date.UTC would add 1900.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), 0);
  const millis = date.getTime();
  if (Number.isNaN(millis)) return null;
  return {
    seconds: millis / 1000 - offsetSeconds(zone),
    fraction: (fraction ?? '').replace(/0+$/, ''),
  };
}

function compareInstants(a: InstantKey, b: InstantKey): number {
  if (a.seconds !== b.seconds) return compareOrdered(a.seconds, b.seconds);
  return compareOrdered(a.fraction, b.fraction);
}

/**
 * A cell reduced to something comparable. Values of different kinds order by
 * `rank`: booleans, numbers, instants, text, then nested values.
 */
type SortKey =
  | { rank: 0; value: boolean }
  | { rank: 1; value: number }
  | { rank: 1; value: DecimalNumber }
  | { rank: 2; value: InstantKey }
  | { rank: 3; value: string }
  | { rank: 4; value: string };

function stringSortKey(text: string, kind: ColumnKind): SortKey {
  if (kind === 'number') {
    const parsed = parseDecimal(text);
    if (parsed !== null) return { rank: 1, value: parsed };
  } else if (kind === 'timestamp' || kind === 'datetime') {
    const instant = parseInstant(text);
    if (instant !== null) return { rank: 2, value: instant };
  } else if (kind === 'boolean') {
    const lower = text.toLowerCase();
    if (lower === 'true' || lower === 'false') return { rank: 0, value: lower === 'true' };
  }
  return { rank: 3, value: text };
}

function sortKey(cell: Cell, kind: ColumnKind): SortKey {
  if (typeof cell === 'string') return stringSortKey(cell, kind);
  if (typeof cell === 'number') return { rank: 1, value: cell };
  if (typeof cell === 'boolean') return { rank: 0, value: cell };
  return { rank: 4, value: JSON.stringify(cell) };
}

function toDecimal(value: number | DecimalNumber): DecimalNumber {
  return typeof value === 'number' ? decimalFromNumber(value) : value;
}

function compareNumbers(a: number | DecimalNumber, b: number | DecimalNumber): number {
  if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b)) {
    return compareOrdered(a, b);
  }
  return compareDecimals(toDecimal(a), toDecimal(b));
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  switch (a.rank) {
    case 0:
      return Number(a.value) - Number(b.value as boolean);
    case 1:
      return compareNumbers(a.value, b.value as number | DecimalNumber);
    case 2:
      return compareInstants(a.value, b.value as InstantKey);
    default:
      return compareCodePoints(a.value, b.value as string);
  }
}

const kindCache = new Map<string, ColumnKind>();

function cachedColumnKind(columnType: string): ColumnKind {
  let kind = kindCache.get(columnType);
  if (kind === undefined) {
    kind = columnKind(columnType);
    kindCache.set(columnType, kind);
  }
  return kind;
}

/**
 * Compares two cells of a column for sorting. Returns a negative number when
 * `a` sorts first, a positive number when `b` does, and zero when they tie.
 *
 * - Numbers compare by value, digit for digit, also when they arrive as strings
 *   in a numeric column (BIGINT above 2^53, DECIMAL(38,9)); no float conversion.
 *   Spark's order is kept: -Infinity, finite values, Infinity, NaN.
 * - Text compares by code point, like Spark's default ORDER BY on strings.
 * - DATE and TIMESTAMP text compares as instants, so fractions of a second and
 *   offsets order correctly.
 * - Booleans: false before true. Nested values compare by their JSON text.
 * - NULL sorts after every value in both directions: `direction` reverses the
 *   order of values only.
 */
export function compareCells(a: Cell, b: Cell, columnType: string, direction: SortDirection = 'asc'): number {
  const aIsNull = a === null || a === undefined;
  const bIsNull = b === null || b === undefined;
  if (aIsNull && bIsNull) return 0;
  if (aIsNull) return 1;
  if (bIsNull) return -1;

  const kind = cachedColumnKind(columnType);
  const order = compareKeys(sortKey(a, kind), sortKey(b, kind));
  return direction === 'desc' ? -order : order;
}
