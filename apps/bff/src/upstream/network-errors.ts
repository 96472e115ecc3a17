import {
  type AppError,
  upstreamBadResponse,
  upstreamDnsFailed,
  upstreamTimeout,
  upstreamTlsFailed,
  upstreamUnreachable,
} from '../errors.js';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);

const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'ETIMEDOUT',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** OpenSSL's certificate verification codes, as Node reports them in `error.code`. */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
  'HOSTNAME_MISMATCH',
]);

/**
 * Maps an error thrown while connecting to the SQL API or reading its response
 * to the console's error, or returns undefined when the error has no network
 * code (a bug, which the caller rethrows). The code may sit on a `cause`.
 */
export function errorForNetworkFailure(error: unknown, host: string, timeoutSeconds: number): AppError | undefined {
  const code = findErrorCode(error);
  if (code === undefined) return undefined;

  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return upstreamTimeout(timeoutSeconds);
  if (DNS_CODES.has(code)) return upstreamDnsFailed(host, error);
  if (isTlsCode(code)) return upstreamTlsFailed(host, error);
  if (CONNECT_CODES.has(code)) return upstreamUnreachable(host, error);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code.startsWith('UND_ERR_')) {
    // The connection was made but ended early: undici's socket, length-mismatch and parser errors.
    return upstreamBadResponse('the connection closed before the response was complete');
  }
  return upstreamUnreachable(host, error);
}

function isTlsCode(code: string): boolean {
  return (
    CERTIFICATE_CODES.has(code) ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code === 'EPROTO' ||
    code.includes('CERT')
  );
}

function findErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  // Causes nest a few levels deep at most (fetch wraps undici, which wraps net).
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
