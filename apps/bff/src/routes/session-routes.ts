import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SessionResponse, SignInRequest } from '@console/shared-types';
import type { Clock } from '../clock.js';
import { invalidCredentials, notAuthenticated, secureCookieNeedsHttps, signInThrottled } from '../errors.js';
import { dummyPasswordHash, verifyPassword, MAX_PASSWORD_LENGTH } from '../auth/password.js';
import type { SignInThrottle } from '../auth/sign-in-throttle.js';
import { publicUser, type UsersRepo } from '../db/users-repo.js';

export interface SessionRoutesDeps {
  users: UsersRepo;
  throttle: SignInThrottle;
  clock: Clock;
  cookieName: string;
  cookieSecure: boolean;
}

const signInSchema = {
  body: {
    type: 'object',
    required: ['username', 'password'],
    properties: {
      username: { type: 'string', minLength: 1, maxLength: 200 },
      password: { type: 'string', minLength: 1, maxLength: MAX_PASSWORD_LENGTH },
    },
  },
} as const;

/** `POST /api/session` signs in, `GET` returns the session, `DELETE` signs out. */
export async function sessionRoutes(app: FastifyInstance, deps: SessionRoutesDeps): Promise<void> {
  const { users, throttle, clock } = deps;

  app.post<{ Body: SignInRequest }>(
    '/session',
    { schema: signInSchema, config: { access: 'public', signIn: true } },
    async (request): Promise<SessionResponse> => {
      if (deps.cookieSecure && request.protocol !== 'https') throw secureCookieNeedsHttps();

      const username = request.body.username.trim();
      const retryAfter = throttle.retryAfterSeconds(username, request.ip);
      if (retryAfter > 0) {
        request.log.warn({ username, ip: request.ip, retryAfter }, 'sign-in throttled');
        throw signInThrottled(retryAfter);
      }

      // Unknown and disabled users cost one scrypt run too, so the response
      // time does not reveal which usernames exist.
      const user = users.findByUsername(username);
      const hash = user === undefined ? await dummyPasswordHash() : user.passwordHash;
      const passwordMatches = await verifyPassword(request.body.password, hash);
      if (user === undefined || user.disabled || !passwordMatches) {
        throttle.recordFailure(username, request.ip);
        request.log.info({ username, ip: request.ip }, 'sign-in failed');
        throw invalidCredentials();
      }

      throttle.recordSuccess(username);
      await request.session.regenerate();
      const csrfToken = randomBytes(32).toString('base64url');
      request.session.set('userId', user.id);
      request.session.set('csrfToken', csrfToken);
      request.session.set('signedInAt', clock());
      request.log.info({ userId: user.id, username: user.username, ip: request.ip }, 'signed in');
      return { user: publicUser(user), csrfToken };
    },
  );

  app.get('/session', { config: { access: 'user' } }, async (request): Promise<SessionResponse> => {
    const csrfToken = request.session.csrfToken;
    if (request.user === null || csrfToken === undefined) throw notAuthenticated();
    return { user: request.user, csrfToken };
  });

  app.delete('/session', { config: { access: 'user' } }, async (request, reply) => {
    const userId = request.user?.id;
    await request.session.destroy();
    reply.clearCookie(deps.cookieName, {
      path: '/',
      httpOnly: true,
      secure: deps.cookieSecure,
      sameSite: 'strict',
    });
    request.log.info({ userId }, 'signed out');
    return reply.code(204).send();
  });
}
