import {
  type AppError,
  queryTimeout,
  sqlError,
  upstreamBadResponse,
  upstreamForbidden,
  upstreamNotFound,
  upstreamRateLimited,
  upstreamServerError,
  upstreamUnauthorized,
} from '../errors.js';
import { readErrorBody } from './error-body.js';

/** Used when a 429 has neither `Retry-After` nor `retry_after_seconds` in a readable way. */
export const DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS = 60;

/**
 * Maps a non-2xx response of the SQL API to the console's error. `sql` is the
 * query that was sent; `redact` removes secrets from any text of the body
 * before it becomes part of a message.
 */
export function errorForStatus(
  status: number,
  retryAfterHeader: string | undefined,
  text: string,
  sql: string,
  context: { nowMs: number; redact: (text: string) => string },
): AppError {
  const { nowMs } = context;
  const detail = readErrorBody(text, sql, context.redact);

  if (isTimeout(status, detail.code)) {
    return queryTimeout(endWithPeriod(detail.message ?? `The SQL API stopped the query with status ${status}.`));
  }

  switch (status) {
    case 400:
    case 422:
      return sqlError(endWithPeriod(detail.message ?? `the SQL API gave no reason (status ${status}).`), detail.position);
    case 401:
      return upstreamUnauthorized();
    case 403:
      return upstreamForbidden();
    case 404:
      return upstreamNotFound();
    case 429:
      // At least 1 s, so the pause that follows always delays calls.
      return upstreamRateLimited(
        Math.max(1, parseRetryAfter(retryAfterHeader, nowMs) ?? detail.retryAfterSeconds ?? DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS),
      );
  }

  if (status >= 500) return upstreamServerError(status);
  if (status >= 300 && status < 400) {
    // Following a redirect would send the token to wherever it points.
    return upstreamBadResponse(`a redirect (status ${status}), which the console does not follow; check SQL_API_BASE_URL`);
  }
  return upstreamBadResponse(`unexpected status ${status}${detail.message ? ` (${detail.message})` : ''}`);
}

function isTimeout(status: number, code: string | undefined): boolean {
  if (status === 408) return true;
  return code !== undefined && /timed?[_ -]?out/i.test(code);
}

/** Reads `Retry-After` as delay seconds or as an HTTP date (RFC 9110, section 10.2.3). */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();

  if (/^\d+$/.test(value)) return Number(value);

  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

function endWithPeriod(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
