import { readFileSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import { rootCertificates } from 'node:tls';
import { Agent, request } from 'undici';
import { AppError, registerSecret, upstreamTimeout } from '../errors.js';
import { errorForNetworkFailure } from './network-errors.js';
import { readBody } from './read-body.js';
import { errorForStatus } from './status-errors.js';
import type { UpstreamResult } from './success-body.js';
import { readSuccessBytes } from './success-bytes.js';

export type { UpstreamResult } from './success-body.js';

export interface SqlApiClientOptions {
  /** Regional base URL, e.g. `https://api.example.com`, without the `/v1/...` path. */
  baseUrl: string;
  orgId: string;
  token: string;
  /** Total time for one call, from connecting to the last byte of the response. */
  timeoutMs: number;
  /** Bound on the response body in bytes. A larger response is dropped with `upstream_response_too_large`. */
  maxResponseBytes: number;
  /** Path of an extra CA certificate (PEM) to trust, for an upstream with a private CA. */
  caFile?: string;
  /** Host name resolver for the connection, Node's `dns.lookup` when absent. */
  lookup?: LookupFunction;
}

export interface SqlApiClient {
  /** Runs one query. Throws `AppError`, or the signal's reason when `signal` aborts. */
  query(sql: string, signal?: AbortSignal): Promise<UpstreamResult>;
  close(): Promise<void>;
}

/** Time allowed for the TCP and TLS handshake, within the total timeout. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Creates the client of the SQL API. It verifies TLS certificates against
 * Node's root CAs plus `caFile`, and there is no switch to turn verification off.
 * Redirects are not followed, because the token would go with them.
 */
export function createSqlApiClient(options: SqlApiClientOptions): SqlApiClient {
  registerSecret(options.token);

  const endpoint = new URL(
    `v1/${encodeURIComponent(options.orgId)}/admin/sql_query`,
    options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
  );
  const host = endpoint.host;
  const timeoutSeconds = options.timeoutMs / 1000;
  const redact = (text: string): string => text.split(options.token).join('[redacted]');

  const agent = new Agent({
    connect: {
      ...(options.caFile === undefined ? {} : { ca: [...rootCertificates, readCaFile(options.caFile)] }),
      ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
      timeout: Math.min(CONNECT_TIMEOUT_MS, options.timeoutMs),
    },
  });

  async function query(sql: string, signal?: AbortSignal): Promise<UpstreamResult> {
    signal?.throwIfAborted();

    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
    const combined = signal === undefined ? timeout.signal : AbortSignal.any([signal, timeout.signal]);

    try {
      const response = await request(endpoint, {
        method: 'POST',
        dispatcher: agent,
        signal: combined,
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ sql_query: sql, async_query: false }),
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
      const body = await readBody(response.body, firstHeader(response.headers['content-length']), options.maxResponseBytes);

      if (response.statusCode < 200 || response.statusCode >= 300) {
        throw errorForStatus(response.statusCode, firstHeader(response.headers['retry-after']), body.toString('utf8'), sql, {
          nowMs: Date.now(),
          redact,
        });
      }
      return { ...readSuccessBytes(body), sizeBytes: body.length };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (timeout.signal.aborted) throw upstreamTimeout(timeoutSeconds);
      if (signal?.aborted) throw signal.reason;

      const mapped = errorForNetworkFailure(error, host, timeoutSeconds);
      if (mapped !== undefined) throw mapped;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    query,
    close: () => agent.close(),
  };
}

function readCaFile(path: string): string {
  const pem = readFileSync(path, 'utf8');
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new Error(`The CA file ${path} contains no PEM certificate ("-----BEGIN CERTIFICATE-----").`);
  }
  return pem;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
