import type { SqlPosition } from '@console/shared-types';
import { parseJsonLosslessly } from './lossless-json.js';
import { isRecord } from './success-body.js';

/** The content of an error response of the SQL API, as far as it can be read. */
export interface UpstreamErrorDetail {
  /** The engine's or the gateway's own words without HTML, absent when none could be read. */
  message: string | undefined;
  /** The machine-readable code, such as `query_timeout`, when the body has one. */
  code: string | undefined;
  position: SqlPosition | undefined;
  /** From a `retry_after_seconds` field, for 429 responses. */
  retryAfterSeconds: number | undefined;
}

const MAX_MESSAGE_CHARS = 2000;

/**
 * Reads an error body whose shape the contract leaves open. Accepted shapes:
 * `{"error": {"code", "message", "position"}}`, `{"message"}`, `{"error": "text"}`,
 * `{"detail": "text"}` or `{"detail": [{"msg"}]}`, and plain text. HTML pages
 * give no message, because their markup would be noise to a person.
 *
 * `sql` turns a numeric position (a 0-based character offset, as DuckDB reports
 * it) into a line and column. `redact` removes secrets from the message.
 */
export function readErrorBody(text: string, sql: string, redact: (text: string) => string): UpstreamErrorDetail {
  const detail: UpstreamErrorDetail = {
    message: undefined,
    code: undefined,
    position: undefined,
    retryAfterSeconds: undefined,
  };
  const trimmed = text.trim();
  if (trimmed === '') return detail;

  const parsed = tryParseJson(trimmed);
  if (parsed === undefined) {
    // Secrets go before clipping, so that a cut cannot leave half a token behind.
    if (!looksLikeHtml(trimmed)) detail.message = clip(redact(trimmed));
    return detail;
  }
  if (!isRecord(parsed)) return detail;

  const inner = isRecord(parsed.error) ? parsed.error : parsed;
  const message = firstText(inner.message, parsed.error, parsed.message, readDetail(parsed.detail));
  detail.message = message === undefined ? undefined : clip(redact(message));
  detail.code = typeof inner.code === 'string' ? inner.code : undefined;
  detail.position = readPosition(inner.position ?? parsed.position, sql);
  detail.retryAfterSeconds = readSeconds(inner.retry_after_seconds ?? parsed.retry_after_seconds);
  return detail;
}

function tryParseJson(text: string): unknown {
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  try {
    return parseJsonLosslessly(text);
  } catch {
    return undefined;
  }
}

function looksLikeHtml(text: string): boolean {
  return /^<(!doctype|html|head|body|\?xml)/i.test(text);
}

function firstText(...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  return undefined;
}

/** Reads `detail` as a string, or as a list of `{"msg"}` entries as FastAPI sends them. */
function readDetail(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return undefined;

  const messages = value.flatMap((entry: unknown) => (isRecord(entry) && typeof entry.msg === 'string' ? [entry.msg] : []));
  return messages.length > 0 ? messages.join('; ') : undefined;
}

function readPosition(value: unknown, sql: string): SqlPosition | undefined {
  if (isRecord(value)) {
    const line = toPositiveInteger(value.line);
    const column = toPositiveInteger(value.column);
    return line !== undefined && column !== undefined ? { line, column } : undefined;
  }

  const offset = typeof value === 'string' ? Number(value) : value;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > sql.length) return undefined;
  // NOTE: the offset is read in UTF-16 code units, so an engine that counts UTF-8 bytes points too far on non-ASCII text.
  return positionAtOffset(sql, offset);
}

/** Converts a 0-based offset into a 1-based line and column. CRLF, LF and CR each end a line. */
export function positionAtOffset(sql: string, offset: number): SqlPosition {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1) {
    const char = sql[index];
    if (char === '\n' || (char === '\r' && sql[index + 1] !== '\n')) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function toPositiveInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 1 ? number : undefined;
}

function readSeconds(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? Math.ceil(number) : undefined;
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}
