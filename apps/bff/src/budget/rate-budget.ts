import type { BudgetStatus, BudgetWindow } from '@console/shared-types';
import { budgetExhausted, upstreamRateLimited, userRateLimited } from '../errors.js';
import { type Turn, type Waiter, WaitQueue } from './wait-queue.js';
import { WindowLog } from './window-log.js';

export interface RateBudgetOptions {
  /** Calls to the SQL API allowed per window for all users together. */
  sharedLimit: number;
  /** Calls allowed per window for one user. */
  perUserLimit: number;
  /** Length of the rolling window. */
  windowMs: number;
  /** How long a request may wait for a shared slot before it is rejected. */
  maxWaitMs: number;
  /** How long a rejected user's turn is kept past its Retry-After, 5000 when absent. */
  holdMs?: number;
  now?: () => number;
}

export interface RateBudget {
  /**
   * Resolves once a call is granted and counted. Rejects with a 429 `AppError`
   * (`user_rate_limited`, `budget_exhausted` or `upstream_rate_limited`) that
   * carries `retryAfterSeconds` and the budget status, or with the signal's
   * reason when `signal` aborts while the request waits.
   */
  acquire(userId: number, signal?: AbortSignal): Promise<void>;
  status(userId: number): BudgetStatus;
  /** Holds every call back for `seconds`, after the SQL API's own 429. */
  pauseFor(seconds: number): void;
}

const DEFAULT_HOLD_MS = 5_000;

/**
 * Creates the budget that all users share for the one SQL API token.
 *
 * A call is granted only while the shared rolling window has room, so the SQL
 * API never receives more than `sharedLimit` calls per `windowMs` from this
 * process, whatever the concurrency. A user over `perUserLimit` is rejected at
 * once. When only the shared window is full, one request per user waits in a
 * round-robin line. It is rejected with a Retry-After when its turn cannot
 * come within `maxWaitMs`, or when `maxWaitMs` passes first. The user's place
 * in line is then kept until shortly after that Retry-After, so that users
 * who come back on time are served in turn with those who kept waiting.
 */
export function createRateBudget(options: RateBudgetOptions): RateBudget {
  const { sharedLimit, perUserLimit, windowMs, maxWaitMs } = options;
  const holdMs = options.holdMs ?? DEFAULT_HOLD_MS;
  const now = options.now ?? (() => Date.now());
  const windowSeconds = windowMs / 1000;

  const shared = new WindowLog(windowMs);
  const perUser = new Map<number, WindowLog>();
  const queue = new WaitQueue((userId) => perUser.get(userId)?.latest);
  let pausedUntil = 0;
  let dispatchTimer: NodeJS.Timeout | undefined;

  function userLog(userId: number, at: number): WindowLog {
    let log = perUser.get(userId);
    if (!log) {
      log = new WindowLog(windowMs);
      perUser.set(userId, log);
    }
    log.prune(at);
    return log;
  }

  function secondsUntil(time: number, at: number): number {
    return Math.max(1, Math.ceil((time - at) / 1000));
  }

  function windowStatus(log: WindowLog, limit: number, at: number): BudgetWindow {
    const remaining = Math.max(0, limit - log.count);
    const nextExpiry = log.expiryAt(log.count - limit);
    return {
      limit,
      remaining,
      resetInSeconds: remaining > 0 || nextExpiry === undefined ? 0 : secondsUntil(nextExpiry, at),
      windowSeconds,
    };
  }

  function status(userId: number): BudgetStatus {
    const at = now();
    shared.prune(at);
    return {
      user: windowStatus(userLog(userId, at), perUserLimit, at),
      shared: windowStatus(shared, sharedLimit, at),
      upstreamPausedForSeconds: pausedUntil > at ? secondsUntil(pausedUntil, at) : 0,
    };
  }

  /**
   * Estimates when `turn` gets a slot: the turns before it take the free and
   * the soon-freed slots first, a parked turn only from its promised time on.
   */
  function earliestGrantAt(turn: Turn, at: number): number {
    const slotTimes: number[] = [];
    for (let index = shared.count; index < sharedLimit; index += 1) slotTimes.push(at);
    for (let index = 0; index < shared.count; index += 1) slotTimes.push(shared.expiryAt(index) ?? at);
    const claimed = slotTimes.map(() => false);

    for (const other of queue.inOrder()) {
      if (other !== turn && other.waiter === undefined && other.parkedUntil <= at) continue;
      const readyAt = other === turn || other.waiter !== undefined ? at : other.promisedAt;
      const slot = slotTimes.findIndex((time, index) => !claimed[index] && time >= readyAt);
      if (other === turn) {
        // Past the slots known now, the turn waits at least one more window.
        const slotFreeAt = slot === -1 ? (shared.expiryAt(0) ?? at) + windowMs : (slotTimes[slot] ?? at);
        return Math.max(slotFreeAt, pausedUntil);
      }
      if (slot !== -1) claimed[slot] = true;
    }
    return Math.max(at, pausedUntil);
  }

  /** Builds the 429 for a request that gets no slot now and waits no longer. */
  function sharedRejection(userId: number, at: number, grantAt: number) {
    if (pausedUntil > at) return upstreamRateLimited(secondsUntil(grantAt, at), status(userId));
    return budgetExhausted(sharedLimit, windowSeconds, secondsUntil(grantAt, at), status(userId));
  }

  /** Keeps a rejected user's turn until shortly after the time its Retry-After names. */
  function park(turn: Turn, grantAt: number, at: number): void {
    turn.waiter = undefined;
    turn.promisedAt = grantAt;
    turn.parkedUntil = at + secondsUntil(grantAt, at) * 1000 + holdMs;
  }

  /** Gives the free slots to the turns in order, and sets a timer for the next chance. */
  function grantTurns(): void {
    clearTimeout(dispatchTimer);
    dispatchTimer = undefined;
    const at = now();
    shared.prune(at);

    let freeSlots = at >= pausedUntil ? sharedLimit - shared.count : 0;
    let nextChance = Number.POSITIVE_INFINITY;
    let waitersLeft = false;

    for (const turn of queue.inOrder()) {
      const waiter = turn.waiter;
      if (waiter === undefined) {
        if (turn.parkedUntil <= at) {
          queue.remove(turn);
          continue;
        }
        // A parked turn whose time has come keeps a slot until its user is back or the hold ends.
        if (turn.promisedAt <= at && freeSlots > 0) freeSlots -= 1;
        nextChance = Math.min(nextChance, turn.parkedUntil);
        continue;
      }

      if (freeSlots > 0) {
        freeSlots -= 1;
        queue.remove(turn);
        shared.record(at);
        userLog(turn.userId, at).record(at);
        waiter.grant();
      } else {
        waitersLeft = true;
      }
    }
    forgetIdleUsers(at);

    if (!waitersLeft) return;
    if (pausedUntil > at) nextChance = Math.min(nextChance, pausedUntil);
    const oldestExpiry = shared.expiryAt(0);
    if (oldestExpiry !== undefined) nextChance = Math.min(nextChance, Math.max(pausedUntil, oldestExpiry));
    if (nextChance === Number.POSITIVE_INFINITY) return;
    dispatchTimer = setTimeout(grantTurns, Math.max(1, nextChance - at));
    dispatchTimer.unref();
  }

  function forgetIdleUsers(at: number): void {
    for (const [userId, log] of perUser) {
      log.prune(at);
      if (log.count === 0 && queue.get(userId) === undefined) perUser.delete(userId);
    }
  }

  async function acquire(userId: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const at = now();
    shared.prune(at);

    const ownLog = userLog(userId, at);
    const userExpiry = ownLog.expiryAt(ownLog.count - perUserLimit);
    if (ownLog.count >= perUserLimit && userExpiry !== undefined) {
      throw userRateLimited(perUserLimit, windowSeconds, secondsUntil(userExpiry, at), status(userId));
    }

    const existing = queue.get(userId);
    // One waiting request per user, so that no user can fill the line alone.
    if (existing?.waiter) throw sharedRejection(userId, at, earliestGrantAt(existing, at));
    const turn = existing ?? queue.add(userId);

    return new Promise<void>((resolve, reject) => {
      const grantAt = earliestGrantAt(turn, at);
      if (grantAt - at > maxWaitMs) {
        park(turn, grantAt, at);
        reject(sharedRejection(userId, at, grantAt));
        return;
      }

      const finish = (): void => {
        clearTimeout(deadline);
        signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        grant: () => {
          finish();
          resolve();
        },
        reject: (error) => {
          finish();
          reject(error);
        },
      };
      const onAbort = (): void => {
        if (turn.waiter !== waiter) return;
        queue.remove(turn);
        waiter.reject(signal?.reason);
        grantTurns();
      };
      const deadline = setTimeout(() => {
        // A slot may free in this same instant, and its timer may not have run yet.
        grantTurns();
        if (turn.waiter !== waiter) return;
        const expiredAt = now();
        const nextGrantAt = earliestGrantAt(turn, expiredAt);
        park(turn, nextGrantAt, expiredAt);
        waiter.reject(sharedRejection(userId, expiredAt, nextGrantAt));
      }, maxWaitMs);
      deadline.unref();

      turn.waiter = waiter;
      signal?.addEventListener('abort', onAbort, { once: true });
      grantTurns();
    });
  }

  function pauseFor(seconds: number): void {
    pausedUntil = Math.max(pausedUntil, now() + seconds * 1000);
    grantTurns();
  }

  return { acquire, status, pauseFor };
}
