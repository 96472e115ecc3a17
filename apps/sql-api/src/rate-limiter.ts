const WINDOW_MS = 60_000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts requests per key (a token id) over a rolling minute. It keeps the
 * time of each accepted request, so a burst at the end of one minute cannot
 * double up with one at the start of the next, as it could with fixed windows.
 * A rejected request is not counted, so retrying early does not push the wait out.
 */
export class RollingRateLimiter {
  private readonly limitPerMinute: number;
  private readonly now: () => number;
  private readonly acceptedAt = new Map<string, number[]>();

  /** Creates a limiter of `limitPerMinute` requests per key; 0 turns it off. */
  constructor(limitPerMinute: number, now: () => number = Date.now) {
    this.limitPerMinute = limitPerMinute;
    this.now = now;
  }

  get limit(): number {
    return this.limitPerMinute;
  }

  take(key: string): RateDecision {
    if (this.limitPerMinute <= 0) return { allowed: true };

    const now = this.now();
    const recent = (this.acceptedAt.get(key) ?? []).filter((time) => time > now - WINDOW_MS);
    if (recent.length >= this.limitPerMinute) {
      this.acceptedAt.set(key, recent);
      const oldest = recent[0] ?? now;
      const waitMs = oldest + WINDOW_MS - now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }

    recent.push(now);
    this.acceptedAt.set(key, recent);
    return { allowed: true };
  }
}
