import type { ErrorCode, RateLimitKind } from '@console/shared-types';
import { ApiError, StoppedError, TransportError, type ApiErrorDetails } from '../api/api-error.js';

/** An error put into words for the person at the screen. */
export interface ErrorDescription {
  /** One short sentence about what happened. */
  title: string;
  /** The server's or engine's own words, when they help. */
  detail: string | null;
  /** The next step for the user. */
  hint: string | null;
}

interface Wording {
  title: string;
  hint: string | null;
  /** Show the server's message under the title. */
  showMessage: boolean;
}

const LIMIT_NAMES: Record<RateLimitKind, string> = {
  user: 'your own limit of queries per minute',
  shared: 'the budget of queries per minute shared by everyone using the console',
  upstream: 'the SQL API’s own rate limit',
  sign_in: 'the limit on sign-in attempts',
};

const WORDING: Record<ErrorCode, Wording> = {
  invalid_request: { title: 'The request was not valid.', hint: null, showMessage: true },
  payload_too_large: { title: 'The request is too large.', hint: 'Send less text at once.', showMessage: true },
  sql_too_large: { title: 'The SQL text is too long.', hint: 'Shorten the query, or run one statement at a time.', showMessage: true },
  unsupported_media_type: { title: 'The request was sent in a format the server does not accept.', hint: 'Reload the page and try again.', showMessage: false },
  not_found: { title: 'Not found.', hint: 'It may have been deleted, or it is not shared with you.', showMessage: false },
  internal_error: { title: 'Something went wrong in the console’s server.', hint: 'Try again. If it keeps happening, tell the console’s administrators.', showMessage: false },

  not_authenticated: { title: 'You are signed out.', hint: 'Sign in again. Your query text is kept.', showMessage: false },
  invalid_credentials: { title: 'The username or password is wrong.', hint: 'Check both and try again.', showMessage: false },
  sign_in_throttled: { title: 'Too many sign-in attempts.', hint: null, showMessage: false },
  csrf_failed: { title: 'The page’s security token is out of date.', hint: 'Reload the page and try again.', showMessage: false },
  origin_rejected: { title: 'The request came from a page the console does not trust.', hint: 'Open the console from its own address and try again.', showMessage: false },
  forbidden: { title: 'You are not allowed to do that.', hint: null, showMessage: true },
  user_exists: { title: 'A user with that name already exists.', hint: 'Choose another username.', showMessage: false },

  not_read_only: { title: 'Only read-only queries can run here.', hint: 'The console runs a single SELECT statement. The underlined part was rejected.', showMessage: true },

  user_rate_limited: { title: 'You have run too many queries this minute.', hint: null, showMessage: false },
  budget_exhausted: { title: 'The shared query budget is used up for now.', hint: null, showMessage: false },
  upstream_rate_limited: { title: 'The SQL API is limiting calls right now.', hint: null, showMessage: false },

  sql_error: { title: 'The SQL engine rejected the query.', hint: null, showMessage: true },
  query_timeout: { title: 'The query ran longer than the SQL API allows (30 seconds).', hint: 'Narrow it down: add a WHERE clause, a LIMIT, or fewer columns.', showMessage: false },

  upstream_unreachable: { title: 'The console could not reach the SQL API.', hint: 'Try again in a moment. If it keeps failing, tell the console’s administrators.', showMessage: false },
  upstream_dns_failed: { title: 'The SQL API’s address could not be resolved.', hint: 'The console’s configuration may be wrong. Tell its administrators.', showMessage: false },
  upstream_tls_failed: { title: 'A secure connection to the SQL API failed.', hint: 'Tell the console’s administrators, because the SQL API’s certificate may be invalid.', showMessage: false },
  upstream_timeout: { title: 'The SQL API did not respond in time.', hint: 'Try again. A narrower query may help.', showMessage: false },
  upstream_unauthorized: { title: 'The SQL API did not accept the console’s token.', hint: 'Tell the console’s administrators: the token may be wrong or expired.', showMessage: false },
  upstream_forbidden: { title: 'The SQL API denied the console access.', hint: 'Tell the console’s administrators: the token, the organization or the SQL API feature switch may be wrong.', showMessage: true },
  upstream_not_found: { title: 'The SQL API was not found at the configured address.', hint: 'Tell the console’s administrators: the organization id, the region or the feature switch may be wrong.', showMessage: false },
  upstream_server_error: { title: 'The SQL API had an internal error.', hint: 'Try again in a moment.', showMessage: false },
  upstream_bad_response: { title: 'The SQL API sent a response the console could not read.', hint: 'Try again. If it keeps happening, tell the console’s administrators.', showMessage: false },
  upstream_response_too_large: { title: 'The SQL API sent more data than the console accepts.', hint: 'Select fewer or narrower columns.', showMessage: false },
};

function isKnownCode(code: string): code is ErrorCode {
  return Object.hasOwn(WORDING, code);
}

/** Formats a wait in seconds as "12 s" or "2 min 5 s". */
export function formatWait(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** Names a rate limit in words, e.g. for "it hit your own limit of queries per minute". */
export function describeLimit(limit: RateLimitKind | undefined): string {
  return limit === undefined ? 'a rate limit' : LIMIT_NAMES[limit];
}

function rateLimitHint(details: ApiErrorDetails): string {
  // The countdown itself is shown live next to this text, see RetryCountdown.
  if (details.limit === 'sign_in') return 'Wait until the countdown ends, then try again.';
  return `The query was not sent because it hit ${describeLimit(details.limit)}.`;
}

/** Puts an error body from the BFF into words, by code, falling back to its message. */
export function describeErrorBody(details: ApiErrorDetails): ErrorDescription {
  const message = details.message.trim();
  if (!isKnownCode(details.code)) {
    return { title: message === '' ? 'The request failed.' : message, detail: null, hint: null };
  }

  const wording = WORDING[details.code];
  const isRateLimit = details.retryAfterSeconds !== undefined || details.limit !== undefined;
  const hint = isRateLimit ? rateLimitHint(details) : wording.hint;
  const detail = wording.showMessage && message !== '' && message !== wording.title ? message : null;
  return { title: wording.title, detail, hint };
}

/** Puts anything a call to the BFF can throw into words. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ApiError) return describeErrorBody(error.details);
  if (error instanceof StoppedError) {
    return {
      title: 'Stopped waiting for the answer.',
      detail: null,
      hint: 'The SQL API has no way to cancel a query, so it may still finish on the server and count against the budget.',
    };
  }
  if (error instanceof TransportError) {
    if (error.status === null) {
      return {
        title: 'The console’s server could not be reached.',
        detail: null,
        hint: 'Check your network connection and try again.',
      };
    }
    return {
      title: `The console’s server sent an unexpected answer (HTTP ${error.status}).`,
      detail: null,
      hint: 'Try again. If it keeps happening, tell the console’s administrators.',
    };
  }
  return {
    title: 'Something went wrong in the page.',
    detail: error instanceof Error ? error.message : String(error),
    hint: 'Reload the page and try again.',
  };
}
