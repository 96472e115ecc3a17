/**
 * Formats DuckDB's epoch-based date and time values as ISO 8601 text with
 * exact arithmetic on bigint, since JavaScript's Date holds only milliseconds
 * and a narrower range of years than DuckDB.
 */

const MICROS_PER_DAY = 86_400_000_000n;
const NANOS_PER_DAY = 86_400_000_000_000n;
const MICROS_PER_DAY_NUMBER = 86_400_000_000;

/** "00" to "99", so that the two-digit fields are read, not padded, per cell. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));

// The text of the last date formatted: the timestamps of a column often fall
// on the same day, one after another.
let lastEpochDays = Number.NaN;
let lastDateText = '';

/** Formats days since 1970-01-01 as YYYY-MM-DD, with a sign and six digits outside years 0 to 9999. */
export function formatDate(epochDays: number): string {
  if (epochDays === lastEpochDays) return lastDateText;
  const { year, month, day } = civilFromDays(epochDays);
  const text = `${formatYear(year)}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
  lastEpochDays = epochDays;
  lastDateText = text;
  return text;
}

/** Formats microseconds since the epoch as UTC: YYYY-MM-DDTHH:MM:SS.ffffffZ. */
export function formatTimestampMicros(micros: bigint): string {
  const total = Number(micros);
  // Within 2^53 microseconds of 1970 (the years 1684 to 2255) the conversion
  // is exact and number arithmetic gives the same text as bigint, faster.
  if (Number.isSafeInteger(total)) {
    // The floor is exact: below 2^17 days, one microsecond is more than half
    // the spacing of doubles, so rounding never carries the quotient to the next day.
    const days = Math.floor(total / MICROS_PER_DAY_NUMBER);
    const microsOfDay = total - days * MICROS_PER_DAY_NUMBER;
    return `${formatDate(days)}T${formatMicrosOfDay(microsOfDay)}Z`;
  }
  const days = floorDivide(micros, MICROS_PER_DAY);
  const microsOfDay = Number(micros - days * MICROS_PER_DAY);
  return `${formatDate(Number(days))}T${formatMicrosOfDay(microsOfDay)}Z`;
}

// The same text as formatTimeOfDay(units, 6), in number arithmetic: a day
// has fewer than 2^53 microseconds, and bigint division costs more per cell.
function formatMicrosOfDay(microsOfDay: number): string {
  const totalSeconds = Math.floor(microsOfDay / 1_000_000);
  const fraction = microsOfDay - totalSeconds * 1_000_000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const seconds = totalSeconds % 60;
  return `${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${pad(fraction, 6)}`;
}

/** Formats nanoseconds since the epoch as UTC with nine fraction digits. */
export function formatTimestampNanos(nanos: bigint): string {
  const days = floorDivide(nanos, NANOS_PER_DAY);
  const nanosOfDay = nanos - days * NANOS_PER_DAY;
  return `${formatDate(Number(days))}T${formatTimeOfDay(nanosOfDay, 9)}Z`;
}

/** Formats a time of day given in units of 10^-digits seconds as HH:MM:SS.fff… */
export function formatTimeOfDay(unitsOfDay: bigint, digits: 6 | 9): string {
  const unitsPerSecond = 10n ** BigInt(digits);
  const totalSeconds = unitsOfDay / unitsPerSecond;
  const fraction = unitsOfDay % unitsPerSecond;
  const hours = Number(totalSeconds / 3600n);
  const minutes = Number((totalSeconds / 60n) % 60n);
  const seconds = Number(totalSeconds % 60n);
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${fraction.toString().padStart(digits, '0')}`;
}

/** Formats a UTC offset in seconds as +HH:MM, or +HH:MM:SS when it has seconds. */
export function formatUtcOffset(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const absolute = Math.abs(offsetSeconds);
  const hours = Math.floor(absolute / 3600);
  const minutes = Math.floor(absolute / 60) % 60;
  const seconds = absolute % 60;
  const base = `${sign}${pad(hours, 2)}:${pad(minutes, 2)}`;
  return seconds === 0 ? base : `${base}:${pad(seconds, 2)}`;
}

// Converts days since 1970-01-01 to a proleptic Gregorian date, using the
// era-based algorithm from Howard Hinnant's "chrono-Compatible Low-Level
// Date Algorithms", which is exact for any integer day count.
function civilFromDays(epochDays: number): { year: number; month: number; day: number } {
  const z = epochDays + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function formatYear(year: number): string {
  if (year >= 0 && year <= 9999) return pad(year, 4);
  return `${year < 0 ? '-' : '+'}${pad(Math.abs(year), 6)}`;
}

function floorDivide(dividend: bigint, divisor: bigint): bigint {
  const quotient = dividend / divisor;
  return dividend % divisor < 0n ? quotient - 1n : quotient;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
