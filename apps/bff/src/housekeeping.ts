import type { FastifyBaseLogger } from 'fastify';
import type { SqliteSessionStore } from './auth/session-store.js';
import type { SignInThrottle } from './auth/sign-in-throttle.js';
import type { SnapshotsRepo } from './db/snapshots-repo.js';

const HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;

export interface HousekeepingTargets {
  snapshots: SnapshotsRepo;
  sessionStore: SqliteSessionStore;
  throttle: SignInThrottle;
  log: FastifyBaseLogger;
}

/**
 * Deletes expired snapshots and sessions and prunes old sign-in failures every
 * 10 minutes. Reads check expiry too, so this only keeps the tables small.
 * Returns the function that stops it.
 */
export function startHousekeeping({ snapshots, sessionStore, throttle, log }: HousekeepingTargets): () => void {
  const timer = setInterval(() => {
    try {
      const removedSnapshots = snapshots.deleteExpired();
      const removedSessions = sessionStore.deleteExpired();
      throttle.prune();
      if (removedSnapshots + removedSessions > 0) {
        log.info({ removedSnapshots, removedSessions }, 'expired records deleted');
      }
    } catch (error) {
      log.error({ err: error }, 'housekeeping failed; retrying at the next interval');
    }
  }, HOUSEKEEPING_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
