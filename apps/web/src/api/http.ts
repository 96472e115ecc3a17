import { isErrorBody } from '@console/shared-types';
import { ApiError, StoppedError, TransportError } from './api-error.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Stores the token sent as `x-csrf-token` on every state-changing call. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers the handler called when the BFF reports the session is gone (401 outside sign-in). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Leave a 401 to the caller instead of ending the session, e.g. for sign-in itself. */
  ignoreUnauthorized?: boolean;
}

/**
 * Sends one call to the BFF and returns its parsed JSON body. Throws ApiError for
 * an error body, TransportError when no usable response arrived and StoppedError
 * when the signal was aborted.
 */
export async function requestJson<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : JSON.stringify(options.body ?? {}),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw new StoppedError();
    throw new TransportError(error instanceof Error ? error.message : String(error), null);
  }

  if (response.status === 204) return undefined as T;

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    if (options.signal?.aborted) throw new StoppedError();
    throw new TransportError(`the server responded with HTTP ${response.status} and no JSON body`, response.status);
  }

  if (response.ok) return body as T;

  if (!isErrorBody(body)) {
    throw new TransportError(`the server responded with HTTP ${response.status} and a body that is not an error object`, response.status);
  }
  const error = new ApiError(response.status, body.error);
  if (response.status === 401 && !options.ignoreUnauthorized) onUnauthorized?.();
  throw error;
}
