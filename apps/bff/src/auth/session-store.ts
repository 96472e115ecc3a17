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
 * Rolling sessions are saved after every request, but the row is rewritten
 * only when its content changes or its last write is this old, so most
 * requests write nothing. A session therefore idles out between
 * `idleMs - SESSION_TOUCH_INTERVAL_MS` and `idleMs` after the last request.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/** What a stored row holds besides its timestamps, to tell a changed session from a touched one. */
interface Written {
  content: string;
  lastSeenAt: number;
}

/**
 * A @fastify/session store kept in SQLite. Only signed-in sessions are stored.
 * The idle and absolute timeouts are enforced here with the injected clock, so
 * an expired session is gone whatever the browser does with its cookie.
 * Rows are keyed by a SHA-256 of the session id, so a copy of the database
 * does not hand out working session cookies.
 */
export class SqliteSessionStore implements SessionStore {
  /** The last write of each session this process wrote or read, by storage key. */
  private readonly written = new Map<string, Written>();

  constructor(
    private readonly repo: SessionsRepo,
    private readonly limits: SessionLimits,
    private readonly clock: Clock,
  ) {}

  set(sessionId: string, session: Session, callback: Callback): void {
    try {
      const { userId, csrfToken, signedInAt } = session;
      const key = storageKey(sessionId);
      if (userId === undefined || csrfToken === undefined || signedInAt === undefined) {
        this.forget(key);
      } else {
        const now = this.clock();
        const content = contentOf(userId, csrfToken, signedInAt);
        const previous = this.written.get(key);
        if (previous?.content !== content || now - previous.lastSeenAt >= this.touchIntervalMs()) {
          this.repo.upsert({ id: key, userId, csrfToken, signedInAt, lastSeenAt: now, cookie: JSON.stringify(session.cookie) });
          this.written.set(key, { content, lastSeenAt: now });
        }
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
        this.written.delete(key);
        callback(null, null);
        return;
      }
      if (this.isExpired(record.lastSeenAt, record.signedInAt)) {
        this.forget(key);
        callback(null, null);
        return;
      }
      // The row is the truth: another process (the users command) may have changed it.
      this.written.set(key, {
        content: contentOf(record.userId, record.csrfToken, record.signedInAt),
        lastSeenAt: record.lastSeenAt,
      });
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
      this.forget(storageKey(sessionId));
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Deletes every expired session; returns how many. */
  deleteExpired(): number {
    const now = this.clock();
    for (const [key, written] of this.written) {
      if (now - written.lastSeenAt >= this.limits.idleMs) this.written.delete(key);
    }
    return this.repo.deleteExpired(now - this.limits.idleMs, now - this.limits.maxAgeMs);
  }

  private forget(key: string): void {
    this.written.delete(key);
    this.repo.delete(key);
  }

  /** Short idle timeouts (tests) touch more often, so the granularity stays a small part of the timeout. */
  private touchIntervalMs(): number {
    return Math.min(SESSION_TOUCH_INTERVAL_MS, this.limits.idleMs / 10);
  }

  private isExpired(lastSeenAt: number, signedInAt: number): boolean {
    const now = this.clock();
    return now - lastSeenAt >= this.limits.idleMs || now - signedInAt >= this.limits.maxAgeMs;
  }
}

function contentOf(userId: number, csrfToken: string, signedInAt: number): string {
  return `${userId} ${signedInAt} ${csrfToken}`;
}

function storageKey(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url');
}
