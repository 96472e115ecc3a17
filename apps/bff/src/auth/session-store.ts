import { createHash } from 'node:crypto';
import type { Session } from 'fastify';
import type { SessionStore } from '@fastify/session';
import type { Clock } from '../clock.js';
import type { SessionsRepo } from '../db/sessions-repo.js';

declare module 'fastify' {
  interface Session {
    userId?: number;
    csrfToken?: string;
    /** When the user signed in, in milliseconds since the epoch; the absolute timeout counts from here. */
    signedInAt?: number;
  }
}

export interface SessionLimits {
  idleMs: number;
  maxAgeMs: number;
}

type Callback = (error?: unknown) => void;

/**
 * A @fastify/session store kept in SQLite. Only signed-in sessions are stored.
 * The idle and absolute timeouts are enforced here with the injected clock, so
 * an expired session is gone whatever the browser does with its cookie.
 * Rows are keyed by a SHA-256 of the session id, so a copy of the database
 * does not hand out working session cookies.
 */
export class SqliteSessionStore implements SessionStore {
  constructor(
    private readonly repo: SessionsRepo,
    private readonly limits: SessionLimits,
    private readonly clock: Clock,
  ) {}

  set(sessionId: string, session: Session, callback: Callback): void {
    try {
      const { userId, csrfToken, signedInAt } = session;
      if (userId === undefined || csrfToken === undefined || signedInAt === undefined) {
        this.repo.delete(storageKey(sessionId));
      } else {
        this.repo.upsert({
          id: storageKey(sessionId),
          userId,
          csrfToken,
          signedInAt,
          lastSeenAt: this.clock(),
          cookie: JSON.stringify(session.cookie),
        });
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void): void {
    try {
      const key = storageKey(sessionId);
      const record = this.repo.findActive(key);
      if (record === undefined) {
        callback(null, null);
        return;
      }
      if (this.isExpired(record.lastSeenAt, record.signedInAt)) {
        this.repo.delete(key);
        callback(null, null);
        return;
      }
      const cookie = JSON.parse(record.cookie) as Session['cookie'];
      callback(null, {
        cookie,
        userId: record.userId,
        csrfToken: record.csrfToken,
        signedInAt: record.signedInAt,
      });
    } catch (error) {
      callback(error);
    }
  }

  destroy(sessionId: string, callback: Callback): void {
    try {
      this.repo.delete(storageKey(sessionId));
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Deletes every expired session; returns how many. */
  deleteExpired(): number {
    const now = this.clock();
    return this.repo.deleteExpired(now - this.limits.idleMs, now - this.limits.maxAgeMs);
  }

  private isExpired(lastSeenAt: number, signedInAt: number): boolean {
    const now = this.clock();
    return now - lastSeenAt >= this.limits.idleMs || now - signedInAt >= this.limits.maxAgeMs;
  }
}

function storageKey(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url');
}
