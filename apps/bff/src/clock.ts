/** Milliseconds since the epoch; injected so tests can move time forward. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export function isoTime(clock: Clock): string {
  return new Date(clock()).toISOString();
}
