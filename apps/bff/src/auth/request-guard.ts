import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { User } from '@console/shared-types';
import {
  csrfFailed,
  forbidden,
  notAuthenticated,
  originMissing,
  originRejected,
  unsupportedMediaType,
} from '../errors.js';
import { publicUser, type UsersRepo } from '../db/users-repo.js';

/** Access level of a route under /api, set as `config.access`: anyone, signed-in users, or admins. */
export type Access = 'public' | 'user' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Action that an admin-only route performs, named in its "not allowed" message. */
    adminAction?: string;
    /** Marks the sign-in route: it has no CSRF token yet, so it must carry a matching Origin instead. */
    signIn?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in user, set by the request guard on routes that need one. */
    user: User | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Checks every request under /api before its body is read: the Origin of
 * state-changing calls, their content type, the session, the role, and the
 * CSRF token. The cookie is SameSite=Strict already; the token and the Origin
 * check stop cross-site requests in browsers that do not honour SameSite.
 */
export function createRequestGuard(users: UsersRepo): onRequestAsyncHookHandler {
  return async function guardRequest(request) {
    if (request.is404) return;
    const config = request.routeOptions.config;
    const stateChanging = !SAFE_METHODS.has(request.method);

    if (stateChanging) {
      checkOrigin(request, config.signIn === true);
      checkContentType(request);
    }

    const access = config.access ?? 'user';
    if (access === 'public') return;

    const user = signedInUser(request, users);
    if (user === undefined) throw notAuthenticated();
    if (access === 'admin' && user.role !== 'admin') throw forbidden(config.adminAction ?? 'use this page');
    request.user = user;

    if (stateChanging) checkCsrfToken(request);
  };
}

/** Returns the user of the request's session when the session is valid and the user enabled. */
function signedInUser(request: FastifyRequest, users: UsersRepo): User | undefined {
  const userId = request.session?.userId;
  if (userId === undefined) return undefined;
  const user = users.findById(userId);
  if (user === undefined || user.disabled) return undefined;
  return publicUser(user);
}

/** Returns the origin this request was sent to, as a browser writes it in the Origin header. */
export function ownOrigin(request: FastifyRequest): string {
  return new URL(`${request.protocol}://${request.host}`).origin;
}

function checkOrigin(request: FastifyRequest, required: boolean): void {
  const origin = request.headers.origin;
  if (origin === undefined) {
    if (required) throw originMissing();
    return;
  }
  let normalized: string;
  try {
    normalized = new URL(origin).origin;
  } catch {
    throw originRejected(origin);
  }
  if (normalized !== ownOrigin(request)) throw originRejected(origin);
}

function checkContentType(request: FastifyRequest): void {
  const headers = request.headers;
  const hasBody = headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
  if (!hasBody) return;
  const contentType = headers['content-type'];
  const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw unsupportedMediaType(contentType);
}

function checkCsrfToken(request: FastifyRequest): void {
  const expected = request.session?.csrfToken;
  const received = request.headers['x-csrf-token'];
  if (expected === undefined || typeof received !== 'string') throw csrfFailed();
  const expectedBytes = Buffer.from(expected);
  const receivedBytes = Buffer.from(received);
  if (expectedBytes.length !== receivedBytes.length || !timingSafeEqual(expectedBytes, receivedBytes)) {
    throw csrfFailed();
  }
}
