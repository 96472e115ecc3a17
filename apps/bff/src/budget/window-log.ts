/**
 * The times of the calls made in the last `windowMs` milliseconds, oldest
 * first: a rolling window, so a burst at the end of one minute and another at
 * the start of the next cannot add up to twice the limit.
 */
export class WindowLog {
  private readonly times: number[] = [];

  constructor(private readonly windowMs: number) {}

  /** Drops the calls that have left the window at `now`. */
  prune(now: number): void {
    while (this.times.length > 0 && (this.times[0] ?? 0) + this.windowMs <= now) this.times.shift();
  }

  /** Calls in the window, correct after `prune`. */
  get count(): number {
    return this.times.length;
  }

  record(now: number): void {
    this.times.push(now);
  }

  /** When the call at `index` (0 is the oldest) leaves the window, or undefined when there is no such call. */
  expiryAt(index: number): number | undefined {
    const time = this.times[index];
    return time === undefined ? undefined : time + this.windowMs;
  }

  /** Time of the newest call, or undefined when the window is empty. */
  get latest(): number | undefined {
    return this.times.at(-1);
  }
}
