import type { BudgetStatus, BudgetWindow } from '@console/shared-types';

/** Returns the time, in epoch milliseconds, when a wait of `seconds` started at `now` ends. */
export function deadlineAfter(seconds: number, now: number): number {
  return now + Math.max(0, seconds) * 1000;
}

/** Returns the whole seconds left until `deadline`, rounded up, never below 0. */
export function secondsUntil(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** A budget reading together with the time it arrived, so its countdowns stay live. */
export interface BudgetReading {
  status: BudgetStatus;
  /** Epoch milliseconds when the reading arrived. */
  receivedAt: number;
}

/** One budget window at the current time. */
export interface WindowNow {
  limit: number;
  remaining: number;
  /** Seconds until one more call is allowed; 0 when calls remain. */
  resetInSeconds: number;
  /** True when the reading is so old that the window has moved on and should be fetched again. */
  stale: boolean;
}

/** Ages one budget window from the time it was read to `now`. */
export function windowNow(window: BudgetWindow, receivedAt: number, now: number): WindowNow {
  const resetAt = deadlineAfter(window.resetInSeconds, receivedAt);
  // A clock read before the reading arrived must not add a second to the wait.
  const resetInSeconds = window.remaining > 0 ? 0 : secondsUntil(resetAt, Math.max(now, receivedAt));
  return {
    limit: window.limit,
    remaining: window.remaining,
    resetInSeconds,
    stale: window.remaining === 0 && resetInSeconds === 0,
  };
}

/** Returns the seconds the SQL API's own pause still lasts at `now`. */
export function upstreamPauseNow(reading: BudgetReading, now: number): number {
  const pauseEnd = deadlineAfter(reading.status.upstreamPausedForSeconds, reading.receivedAt);
  return secondsUntil(pauseEnd, Math.max(now, reading.receivedAt));
}
