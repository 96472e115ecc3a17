import type { BudgetStatus } from '@console/shared-types';
import { describe, expect, it } from 'vitest';
import { deadlineAfter, secondsUntil, upstreamPauseNow, windowNow } from '../src/budget/countdown.js';

const T0 = Date.UTC(2026, 11, 4, 12, 0, 0);

describe('retry countdown', () => {
  it('counts whole seconds down to zero', () => {
    const deadline = deadlineAfter(12, T0);
    expect(secondsUntil(deadline, T0)).toBe(12);
    expect(secondsUntil(deadline, T0 + 500)).toBe(12);
    expect(secondsUntil(deadline, T0 + 1000)).toBe(11);
    expect(secondsUntil(deadline, T0 + 11_001)).toBe(1);
    expect(secondsUntil(deadline, T0 + 12_000)).toBe(0);
    expect(secondsUntil(deadline, T0 + 60_000)).toBe(0);
  });

  it('treats a negative wait as none', () => {
    expect(deadlineAfter(-5, T0)).toBe(T0);
  });
});

describe('windowNow', () => {
  it('shows no wait while calls remain', () => {
    const window = windowNow({ limit: 6, remaining: 2, resetInSeconds: 0, windowSeconds: 60 }, T0, T0 + 5000);
    expect(window).toEqual({ limit: 6, remaining: 2, resetInSeconds: 0, stale: false });
  });

  it('ages the reset time of an empty window', () => {
    const window = { limit: 6, remaining: 0, resetInSeconds: 20, windowSeconds: 60 };
    expect(windowNow(window, T0, T0 + 5000).resetInSeconds).toBe(15);
    expect(windowNow(window, T0, T0 + 5000).stale).toBe(false);
  });

  it('marks an empty window stale once its reset has passed', () => {
    const window = { limit: 6, remaining: 0, resetInSeconds: 20, windowSeconds: 60 };
    expect(windowNow(window, T0, T0 + 20_000)).toEqual({ limit: 6, remaining: 0, resetInSeconds: 0, stale: true });
  });
});

describe('readings newer than the clock', () => {
  it('adds no second to the wait', () => {
    const window = { limit: 6, remaining: 0, resetInSeconds: 20, windowSeconds: 60 };
    expect(windowNow(window, T0, T0 - 800).resetInSeconds).toBe(20);
    const status: BudgetStatus = {
      user: { limit: 6, remaining: 6, resetInSeconds: 0, windowSeconds: 60 },
      shared: { limit: 6, remaining: 6, resetInSeconds: 0, windowSeconds: 60 },
      upstreamPausedForSeconds: 0,
    };
    expect(upstreamPauseNow({ status, receivedAt: T0 }, T0 - 800)).toBe(0);
  });
});

describe('upstreamPauseNow', () => {
  it('counts the SQL API pause down from the reading', () => {
    const status: BudgetStatus = {
      user: { limit: 6, remaining: 6, resetInSeconds: 0, windowSeconds: 60 },
      shared: { limit: 6, remaining: 6, resetInSeconds: 0, windowSeconds: 60 },
      upstreamPausedForSeconds: 30,
    };
    expect(upstreamPauseNow({ status, receivedAt: T0 }, T0 + 10_000)).toBe(20);
    expect(upstreamPauseNow({ status, receivedAt: T0 }, T0 + 31_000)).toBe(0);
  });
});
