/** Time zone for showing instants in the grid. */
export type TimeZoneMode = 'utc' | 'local';

interface ParsedTimestamp {
  /** Whole seconds since the epoch. */
  epochSeconds: number;
  /** Fractional second digits exactly as received, without the dot; '' when absent. */
  fraction: string;
}

const TIMESTAMP_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseOffsetMinutes(zone: string | undefined): number {
  if (zone === undefined || /^(z|utc)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

/**
 * Reads an ISO 8601 or SQL-style timestamp. Text without a zone is taken as UTC,
 * the SQL API's session time zone. JavaScript dates keep only milliseconds, so
 * the fraction is carried separately to keep microseconds and nanoseconds.
 */
export function parseTimestamp(text: string): ParsedTimestamp | null {
  const match = TIMESTAMP_PATTERN.exec(text.trim());
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, fraction = '', zone] = match;
  const utcMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (Number.isNaN(utcMs)) return null;
  return { epochSeconds: utcMs / 1000 - parseOffsetMinutes(zone) * 60, fraction };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * Formats a timestamp text in UTC (`2025-01-20 12:34:56.123456`) or in the
 * browser's time zone with its offset (`2025-01-20 13:34:56.123456 +01:00`).
 * Text that is not a timestamp is returned unchanged.
 */
export function formatTimestamp(text: string, mode: TimeZoneMode): string {
  const parsed = parseTimestamp(text);
  if (parsed === null) return text;
  const date = new Date(parsed.epochSeconds * 1000);
  const fraction = parsed.fraction === '' ? '' : `.${parsed.fraction}`;

  if (mode === 'utc') {
    return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
      `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${fraction}`;
  }
  const offset = formatOffset(-date.getTimezoneOffset());
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${fraction} ${offset}`;
}
