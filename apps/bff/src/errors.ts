import type { BudgetStatus, ErrorBody, ErrorCode, RateLimitKind, SqlPosition } from '@console/shared-types';

/**
 * The BFF's error catalogue. Every error the BFF sends is made here, so each
 * code has one HTTP status and one wording. Messages never contain the SQL API
 * token: callers pass values they received from users or from the SQL API, and
 * `redactSecrets` removes any known secret before a message leaves.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly position: SqlPosition | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly limit: RateLimitKind | undefined;
  readonly budget: BudgetStatus | undefined;

  constructor(
    code: ErrorCode,
    statusCode: number,
    message: string,
    extra: {
      position?: SqlPosition;
      retryAfterSeconds?: number;
      limit?: RateLimitKind;
      budget?: BudgetStatus;
      cause?: unknown;
    } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'AppError';
    this.code = code;
    this.statusCode = statusCode;
    this.position = extra.position;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.limit = extra.limit;
    this.budget = extra.budget;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { error: { code: this.code, message: redactSecrets(this.message) } };
    if (this.position) body.error.position = this.position;
    if (this.retryAfterSeconds !== undefined) body.error.retryAfterSeconds = this.retryAfterSeconds;
    if (this.limit) body.error.limit = this.limit;
    if (this.budget) body.error.budget = this.budget;
    return body;
  }
}

// ---------------------------------------------------------------------------
// Secrets that must never appear in a message or log line

const secrets = new Set<string>();

/** Registers a secret (the SQL API token) so that `redactSecrets` removes it everywhere. */
export function registerSecret(secret: string): void {
  if (secret.length >= 8) secrets.add(secret);
}

export function redactSecrets(text: string): string {
  let result = text;
  for (const secret of secrets) {
    if (result.includes(secret)) result = result.split(secret).join('[redacted]');
  }
  return result;
}

// ---------------------------------------------------------------------------
// Request shape and limits

export const invalidRequest = (detail: string) =>
  new AppError('invalid_request', 400, `Invalid request: ${detail}.`);

export const payloadTooLarge = (limitBytes: number) =>
  new AppError(
    'payload_too_large',
    413,
    `The request body is larger than ${limitBytes} bytes. Send a smaller request.`,
  );

export const sqlTooLarge = (sizeBytes: number, limitBytes: number) =>
  new AppError(
    'sql_too_large',
    413,
    `The SQL text is ${sizeBytes} bytes, more than the ${limitBytes}-byte limit. Shorten the query.`,
  );

export const unsupportedMediaType = (contentType: string | undefined) =>
  new AppError(
    'unsupported_media_type',
    415,
    `Expected Content-Type application/json, got ${contentType ? JSON.stringify(contentType) : 'none'}.`,
  );

export const notFound = (what = 'The page or item') =>
  new AppError('not_found', 404, `${what} was not found.`);

export const runNotFound = () =>
  new AppError(
    'not_found',
    404,
    'That result is no longer kept on the server. Run the query again, then attach the new result.',
  );

export const internalError = (cause?: unknown) =>
  new AppError(
    'internal_error',
    500,
    'Something went wrong in the console server. Try again; if it keeps happening, tell an administrator.',
    { cause },
  );

// ---------------------------------------------------------------------------
// Sign-in, session and permissions

export const notAuthenticated = () =>
  new AppError('not_authenticated', 401, 'You are not signed in, or your session has ended. Sign in again.');

export const invalidCredentials = () =>
  new AppError('invalid_credentials', 401, 'The username or password is wrong.');

export const signInThrottled = (retryAfterSeconds: number) =>
  new AppError(
    'sign_in_throttled',
    429,
    `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
    { retryAfterSeconds, limit: 'sign_in' },
  );

export const csrfFailed = () =>
  new AppError(
    'csrf_failed',
    403,
    'The request is missing a valid x-csrf-token header. Reload the page and try again.',
  );

export const originRejected = (origin: string) =>
  new AppError('origin_rejected', 403, `Requests from origin ${JSON.stringify(origin)} are not allowed.`);

export const originMissing = () =>
  new AppError(
    'origin_rejected',
    403,
    'Sign-in requests must carry an Origin header. Sign in from the console\'s own page.',
  );

export const secureCookieNeedsHttps = () =>
  new AppError(
    'forbidden',
    403,
    'Sign-in needs https because the session cookie is Secure (COOKIE_SECURE=true). Open the console over https, or start the BFF with COOKIE_SECURE=false when it serves plain http on localhost.',
  );

export const forbidden = (what: string) =>
  new AppError('forbidden', 403, `You are not allowed to ${what}.`);

export const userExists = (username: string) =>
  new AppError('user_exists', 409, `A user named ${JSON.stringify(username)} already exists.`);

// ---------------------------------------------------------------------------
// Query checks

export const notReadOnly = (found: string, position: SqlPosition) =>
  new AppError(
    'not_read_only',
    400,
    `Only a single read-only SELECT query can run here, but ${found} was found at line ${position.line}, column ${position.column}.`,
    { position },
  );

// ---------------------------------------------------------------------------
// Rate budget

export const userRateLimited = (limit: number, windowSeconds: number, retryAfterSeconds: number, budget: BudgetStatus) =>
  new AppError(
    'user_rate_limited',
    429,
    `You have used your ${limit} queries per ${windowSeconds} seconds. Try again in ${retryAfterSeconds} seconds.`,
    { retryAfterSeconds, limit: 'user', budget },
  );

export const budgetExhausted = (limit: number, windowSeconds: number, retryAfterSeconds: number, budget: BudgetStatus) =>
  new AppError(
    'budget_exhausted',
    429,
    `The shared budget of ${limit} queries per ${windowSeconds} seconds is used up by everyone's queries. Try again in ${retryAfterSeconds} seconds.`,
    { retryAfterSeconds, limit: 'shared', budget },
  );

export const upstreamRateLimited = (retryAfterSeconds: number, budget?: BudgetStatus) =>
  new AppError(
    'upstream_rate_limited',
    429,
    `The SQL API is refusing calls for now because its rate limit was reached. Try again in ${retryAfterSeconds} seconds.`,
    { retryAfterSeconds, limit: 'upstream', ...(budget ? { budget } : {}) },
  );

// ---------------------------------------------------------------------------
// The SQL API reported a problem with the query

export const sqlError = (engineMessage: string, position?: SqlPosition) =>
  new AppError('sql_error', 400, `The query failed: ${engineMessage}`, position ? { position } : {});

export const queryTimeout = (engineMessage: string) =>
  new AppError(
    'query_timeout',
    504,
    `The query ran longer than the SQL API allows and was stopped: ${engineMessage} Narrow it down with filters or a LIMIT.`,
  );

// ---------------------------------------------------------------------------
// Reaching the SQL API and reading its answer

export const upstreamUnreachable = (host: string, cause?: unknown) =>
  new AppError(
    'upstream_unreachable',
    502,
    `Could not connect to the SQL API at ${host}. Check SQL_API_BASE_URL and that the service is up.`,
    { cause },
  );

export const upstreamDnsFailed = (host: string, cause?: unknown) =>
  new AppError(
    'upstream_dns_failed',
    502,
    `The SQL API host name ${host} could not be resolved. Check SQL_API_BASE_URL.`,
    { cause },
  );

export const upstreamTlsFailed = (host: string, cause?: unknown) =>
  new AppError(
    'upstream_tls_failed',
    502,
    `The TLS certificate of the SQL API at ${host} could not be verified, so no query was sent. Check SQL_API_BASE_URL or the server's certificate.`,
    { cause },
  );

export const upstreamTimeout = (seconds: number) =>
  new AppError(
    'upstream_timeout',
    504,
    `The SQL API did not answer within ${seconds} seconds. The query may still finish on the server; try again with a narrower query.`,
  );

export const upstreamUnauthorized = () =>
  new AppError(
    'upstream_unauthorized',
    502,
    'The SQL API rejected the console\'s token (401). An administrator must check SQL_API_TOKEN.',
  );

export const upstreamForbidden = () =>
  new AppError(
    'upstream_forbidden',
    502,
    'The SQL API refused access (403). The token may not belong to an admin or service account of this organization, or the SQL API may not be switched on for it. An administrator must check SQL_API_TOKEN and SQL_API_ORG_ID.',
  );

export const upstreamNotFound = () =>
  new AppError(
    'upstream_not_found',
    502,
    'The SQL API answered 404: the organization id or the base URL is wrong, or the SQL API is not switched on for this organization. An administrator must check SQL_API_ORG_ID and SQL_API_BASE_URL.',
  );

export const upstreamServerError = (status: number) =>
  new AppError(
    'upstream_server_error',
    502,
    `The SQL API failed with status ${status}. This is on the SQL API's side; try again in a minute.`,
  );

export const upstreamBadResponse = (detail: string) =>
  new AppError(
    'upstream_bad_response',
    502,
    `The SQL API sent an answer the console cannot read: ${detail}. Try again; if it keeps happening, tell an administrator.`,
  );

export const upstreamResponseTooLarge = (limitBytes: number) =>
  new AppError(
    'upstream_response_too_large',
    502,
    `The SQL API sent more than ${limitBytes} bytes, far more than its 1000-row limit allows, so the answer was dropped. Select fewer or narrower columns.`,
  );
