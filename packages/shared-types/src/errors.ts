/**
 * Stable error codes of the BFF's HTTP API. The BFF declares each code once in
 * its error catalogue with an HTTP status and a message. The web app switches
 * on these codes, never on message text.
 */
export const ERROR_CODES = [
  // Request shape and limits
  'invalid_request',
  'payload_too_large',
  'sql_too_large',
  'unsupported_media_type',
  'not_found',
  'internal_error',

  // Sign-in, session and permissions
  'not_authenticated',
  'invalid_credentials',
  'sign_in_throttled',
  'csrf_failed',
  'origin_rejected',
  'forbidden',
  'user_exists',

  // Query checks made by the BFF before any budget is spent
  'not_read_only',

  // Rate budget
  'user_rate_limited',
  'budget_exhausted',
  'upstream_rate_limited',

  // Errors reported by the SQL API about the query itself
  'sql_error',
  'query_timeout',

  // Failures to reach the SQL API or to read its response
  'upstream_unreachable',
  'upstream_dns_failed',
  'upstream_tls_failed',
  'upstream_timeout',
  'upstream_unauthorized',
  'upstream_forbidden',
  'upstream_not_found',
  'upstream_server_error',
  'upstream_bad_response',
  'upstream_response_too_large',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A place in the SQL text, 1-based, as editors count lines and columns. */
export interface SqlPosition {
  line: number;
  column: number;
  /** Characters to underline from `column`; absent when unknown. */
  length?: number;
}

/** Limit that rejected a query with 429. */
export type RateLimitKind = 'user' | 'shared' | 'upstream' | 'sign_in';

/** Body of every error response of the BFF. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Place of the problem in the SQL text, for `not_read_only` and `sql_error`. */
    position?: SqlPosition;
    /** Seconds until a retry can succeed, for 429 responses (also sent as `Retry-After`). */
    retryAfterSeconds?: number;
    /** Limit that was hit, for 429 responses. */
    limit?: RateLimitKind;
    /** Budget state at the time of a 429, so the web app can show a countdown. */
    budget?: import('./api.js').BudgetStatus;
  };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string';
}
