import { type BudgetReading, windowNow } from './countdown.js';

/**
 * Returns the seconds until the shared budget has a free call, or null when
 * the last reading shows one free now. A query sent while the budget is spent
 * waits in the BFF's queue, so the page can say it is waiting rather than
 * running. It is an estimate from the last reading the page has.
 */
export function sharedBudgetWaitSeconds(reading: BudgetReading | undefined, now: number): number | null {
  if (reading === undefined) return null;
  const shared = windowNow(reading.status.shared, reading.receivedAt, now);
  const pausedUntil = reading.receivedAt + reading.status.upstreamPausedForSeconds * 1000;
  const pausedFor = Math.max(0, Math.ceil((pausedUntil - now) / 1000));
  const wait = Math.max(shared.remaining > 0 ? 0 : shared.resetInSeconds, pausedFor);
  return wait > 0 ? wait : null;
}
