import type { SessionResponse, SignInRequest } from '@console/shared-types';
import { ApiError } from '../api/api-error.js';
import { requestJson, setCsrfToken } from '../api/http.js';

export const SESSION_QUERY_KEY = ['session'] as const;

/** Returns the signed-in session, or null when the BFF responds with 401. */
export async function fetchSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  try {
    const session = await requestJson<SessionResponse>('GET', '/api/session', { signal, ignoreUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function signIn(credentials: SignInRequest): Promise<SessionResponse> {
  const session = await requestJson<SessionResponse>('POST', '/api/session', {
    body: credentials,
    ignoreUnauthorized: true,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function signOut(): Promise<void> {
  try {
    await requestJson<unknown>('DELETE', '/api/session', { ignoreUnauthorized: true });
  } finally {
    setCsrfToken(null);
  }
}
