import type { Clock } from '../clock.js';

export interface ThrottleLimits {
  /** Failed sign-ins allowed per username within `windowMs`. */
  perAccount: number;
  /** Failed sign-ins allowed per client address within `windowMs`. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  perAccount: 5,
  perAddress: 20,
  windowMs: 15 * 60_000,
};

/**
 * Counts failed sign-ins per account and per client address over a rolling
 * window. Unknown usernames are counted like real ones, so the throttle gives
 * away nothing about which accounts exist.
 *
 * NOTE: the counts live in memory, so a restart resets them and several BFF
 * instances each allow the full count.
 */
export class SignInThrottle {
  private readonly failuresByAccount = new Map<string, number[]>();
  private readonly failuresByAddress = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits,
    private readonly clock: Clock,
  ) {}

  /** Returns the seconds to wait before another attempt, or 0 when one is allowed now. */
  retryAfterSeconds(username: string, address: string): number {
    const now = this.clock();
    const waitMs = Math.max(
      this.waitFor(this.failuresByAccount, accountKey(username), this.limits.perAccount, now),
      this.waitFor(this.failuresByAddress, address, this.limits.perAddress, now),
    );
    return Math.ceil(waitMs / 1000);
  }

  recordFailure(username: string, address: string): void {
    const now = this.clock();
    this.append(this.failuresByAccount, accountKey(username), now);
    this.append(this.failuresByAddress, address, now);
  }

  /** Forgets an account's failures after a successful sign-in; the address keeps its count. */
  recordSuccess(username: string): void {
    this.failuresByAccount.delete(accountKey(username));
  }

  /** Drops counts that have aged out of the window, so the maps do not grow without bound. */
  prune(): void {
    const now = this.clock();
    for (const failures of [this.failuresByAccount, this.failuresByAddress]) {
      for (const [key, times] of failures) {
        if (this.recent(times, now).length === 0) failures.delete(key);
      }
    }
  }

  private waitFor(failures: Map<string, number[]>, key: string, limit: number, now: number): number {
    const times = this.recent(failures.get(key) ?? [], now);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    if (times.length < limit) return 0;

    // The oldest failure that keeps the count at the limit must age out first.
    const oldestCounted = times[times.length - limit] ?? now;
    return Math.max(oldestCounted + this.limits.windowMs - now, 1000);
  }

  private append(failures: Map<string, number[]>, key: string, now: number): void {
    const times = this.recent(failures.get(key) ?? [], now);
    times.push(now);
    failures.set(key, times);
  }

  private recent(times: number[], now: number): number[] {
    return times.filter((time) => now - time < this.limits.windowMs);
  }
}

function accountKey(username: string): string {
  return username.trim().toLowerCase();
}
