/**
 * The SQL API's error catalogue. Every error response is made by one of the
 * factories below, so each code has one HTTP status and one wording, and the
 * body always has the shape `{"error": {"code", "message", ...}}`.
 */

/** A place in the SQL text, 1-based. */
export interface SqlPosition {
  line: number;
  column: number;
}

export type SqlApiErrorCode =
  | 'invalid_request'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'async_not_supported'
  | 'not_read_only'
  | 'sql_error'
  | 'query_timeout'
  | 'query_cancelled'
  | 'rate_limited'
  | 'unauthorized'
  | 'forbidden'
  | 'org_not_found'
  | 'not_found'
  | 'internal_error';

export interface SqlApiErrorBody {
  error: {
    code: SqlApiErrorCode;
    message: string;
    position?: SqlPosition;
    retry_after_seconds?: number;
  };
}

export class SqlApiError extends Error {
  readonly code: SqlApiErrorCode;
  readonly statusCode: number;
  readonly position: SqlPosition | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: SqlApiErrorCode,
    statusCode: number,
    message: string,
    extra: { position?: SqlPosition; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'SqlApiError';
    this.code = code;
    this.statusCode = statusCode;
    this.position = extra.position;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  toBody(): SqlApiErrorBody {
    const body: SqlApiErrorBody = { error: { code: this.code, message: this.message } };
    if (this.position) body.error.position = this.position;
    if (this.retryAfterSeconds !== undefined) body.error.retry_after_seconds = this.retryAfterSeconds;
    return body;
  }
}

// Request shape

export function invalidRequest(detail: string): SqlApiError {
  return new SqlApiError(
    'invalid_request',
    400,
    `Invalid request body: ${detail}. Send JSON like {"sql_query": "SELECT 1", "async_query": false}.`,
  );
}

export function unsupportedMediaType(contentType: string | undefined): SqlApiError {
  const received = contentType === undefined || contentType === '' ? 'none' : `"${contentType}"`;
  return new SqlApiError(
    'unsupported_media_type',
    415,
    `Unsupported Content-Type ${received}. Send the body as application/json.`,
  );
}

export function payloadTooLarge(limitBytes: number): SqlApiError {
  return new SqlApiError(
    'payload_too_large',
    413,
    `The request body is larger than ${limitBytes} bytes. Shorten the SQL text.`,
  );
}

export function asyncNotSupported(): SqlApiError {
  return new SqlApiError(
    'async_not_supported',
    400,
    'Only synchronous queries are supported: send "async_query": false.',
  );
}

export function routeNotFound(method: string, url: string): SqlApiError {
  return new SqlApiError(
    'not_found',
    404,
    `No route for ${method} ${url}. Queries go to POST /v1/<org-id>/admin/sql_query.`,
  );
}

// Read-only checks

export function emptyQuery(): SqlApiError {
  return new SqlApiError('invalid_request', 400, 'The SQL text contains no statement. Send one SELECT statement.');
}

export function multipleStatements(count: number): SqlApiError {
  return new SqlApiError(
    'not_read_only',
    400,
    `Found ${count} statements, but only a single SELECT statement is allowed per call. Send one statement at a time.`,
  );
}

export function notReadOnly(found: string, position?: SqlPosition): SqlApiError {
  const article = /^[AEIOU]/i.test(found) ? 'an' : 'a';
  return new SqlApiError(
    'not_read_only',
    400,
    `Found ${article} ${found} statement, but only a single read-only SELECT statement is allowed.`,
    position ? { position } : {},
  );
}

// Query execution

export function sqlError(engineMessage: string, position: SqlPosition | undefined): SqlApiError {
  return new SqlApiError('sql_error', 400, engineMessage, position ? { position } : {});
}

export function queryTimeout(timeoutMs: number): SqlApiError {
  return new SqlApiError(
    'query_timeout',
    408,
    `The query was interrupted after ${formatSeconds(timeoutMs)} s, the time limit per call. Add filters or a LIMIT, or aggregate to make it faster.`,
  );
}

export function queryCancelled(): SqlApiError {
  return new SqlApiError(
    'query_cancelled',
    503,
    'The query was cancelled because the server is stopping or the client closed the connection. Retry the request.',
  );
}

// Authentication, authorization and limits

export function missingToken(): SqlApiError {
  return new SqlApiError(
    'unauthorized',
    401,
    'Missing bearer token. Send the header "Authorization: Bearer <token>".',
  );
}

export function unknownToken(): SqlApiError {
  return new SqlApiError('unauthorized', 401, 'The bearer token is invalid or was revoked. Create a new token.');
}

export function roleNotAllowed(role: string): SqlApiError {
  return new SqlApiError(
    'forbidden',
    403,
    `The token's role "${role}" may not run SQL queries. Use a token with the role admin or service.`,
  );
}

export function otherOrganization(orgId: string): SqlApiError {
  return new SqlApiError(
    'forbidden',
    403,
    `The token does not belong to the organization "${orgId}". Use a token of that organization.`,
  );
}

export function organizationNotFound(orgId: string): SqlApiError {
  return new SqlApiError(
    'org_not_found',
    404,
    `The organization "${orgId}" was not found, or the SQL API is not enabled for it.`,
  );
}

export function rateLimited(limitPerMinute: number, retryAfterSeconds: number): SqlApiError {
  return new SqlApiError(
    'rate_limited',
    429,
    `Rate limit of ${limitPerMinute} requests per minute for this token exceeded. Retry in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  );
}

export function internalError(): SqlApiError {
  return new SqlApiError('internal_error', 500, 'The SQL API failed unexpectedly. Retry, and check the server log if it persists.');
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
}
