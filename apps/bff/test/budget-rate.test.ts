import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateBudget, type RateBudgetOptions } from '../src/budget/rate-budget.js';
import { AppError } from '../src/errors.js';
import { appErrorOf } from './support/fault-server.js';

const MINUTE = 60_000;

function budgetWith(overrides: Partial<RateBudgetOptions> = {}) {
  return createRateBudget({ sharedLimit: 6, perUserLimit: 6, windowMs: MINUTE, maxWaitMs: 20_000, ...overrides });
}

/** Settles a promise into a value or the error it rejected with, to inspect it after timers run. */
function settled<T>(promise: Promise<T>): { value: () => T | AppError | unknown; done: () => boolean } {
  let done = false;
  let value: unknown;
  promise.then(
    (result) => {
      done = true;
      value = result;
    },
    (error: unknown) => {
      done = true;
      value = error;
    },
  );
  return { value: () => value, done: () => done };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-05T10:00:00Z') });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('rate budget', () => {
  it('grants calls at once while the shared window has room', async () => {
    const budget = budgetWith();

    for (let userId = 1; userId <= 6; userId += 1) await budget.acquire(userId);

    const status = budget.status(1);
    expect(status.shared).toEqual({ limit: 6, remaining: 0, resetInSeconds: 60, windowSeconds: 60 });
    expect(status.user).toEqual({ limit: 6, remaining: 5, resetInSeconds: 0, windowSeconds: 60 });
    expect(status.upstreamPausedForSeconds).toBe(0);
  });

  it('rejects a user over the per-user limit at once', async () => {
    const budget = budgetWith({ perUserLimit: 2 });
    await budget.acquire(1);
    await vi.advanceTimersByTimeAsync(15_000);
    await budget.acquire(1);

    const error = await appErrorOf(budget.acquire(1));

    expect(error.code).toBe('user_rate_limited');
    expect(error.statusCode).toBe(429);
    expect(error.limit).toBe('user');
    expect(error.retryAfterSeconds).toBe(45);
    expect(error.budget?.user.remaining).toBe(0);
    expect(error.budget?.shared.remaining).toBe(4);
    expect(error.message).toContain('2 queries per 60 seconds');
  });

  it('lets the user in again once the oldest call leaves the window', async () => {
    const budget = budgetWith({ perUserLimit: 1 });
    await budget.acquire(1);
    await vi.advanceTimersByTimeAsync(MINUTE - 1);
    expect((await appErrorOf(budget.acquire(1))).retryAfterSeconds).toBe(1);

    await vi.advanceTimersByTimeAsync(1);

    await expect(budget.acquire(1)).resolves.toBeUndefined();
  });

  it('makes a request wait for a shared slot and grants it when one frees', async () => {
    const budget = budgetWith({ sharedLimit: 2 });
    await budget.acquire(1);
    await vi.advanceTimersByTimeAsync(45_000);
    await budget.acquire(2);

    const waiting = settled(budget.acquire(3));
    await vi.advanceTimersByTimeAsync(14_999);
    expect(waiting.done()).toBe(false);

    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.done()).toBe(true);
    expect(waiting.value()).toBeUndefined();
    expect(budget.status(3).shared.remaining).toBe(0);
  });

  it('rejects a second waiting request of the same user at once', async () => {
    const budget = budgetWith({ sharedLimit: 1 });
    await budget.acquire(1);
    await vi.advanceTimersByTimeAsync(50_000);
    const first = settled(budget.acquire(2));

    const error = await appErrorOf(budget.acquire(2));

    expect(error.code).toBe('budget_exhausted');
    expect(error.limit).toBe('shared');
    expect(error.retryAfterSeconds).toBe(10);
    expect(first.done()).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(first.done()).toBe(true);
  });

  it('rejects at once when the wait would pass maxWaitMs', async () => {
    const budget = budgetWith({ sharedLimit: 1, maxWaitMs: 20_000 });
    await budget.acquire(1);
    await vi.advanceTimersByTimeAsync(10_000);

    const error = await appErrorOf(budget.acquire(2));

    expect(error.code).toBe('budget_exhausted');
    expect(error.retryAfterSeconds).toBe(50);
    expect(error.message).toContain('1 queries per 60 seconds');
    expect(error.budget?.shared).toEqual({ limit: 1, remaining: 0, resetInSeconds: 50, windowSeconds: 60 });
  });

  it('serves waiting users round robin and rejects one whose turn does not come in time', async () => {
    const budget = budgetWith({ sharedLimit: 1, perUserLimit: 2, windowMs: 10_000, maxWaitMs: 12_000 });
    await budget.acquire(1);
    await vi.advanceTimersByTimeAsync(1_000);
    const again = settled(budget.acquire(1));
    await vi.advanceTimersByTimeAsync(1_000);
    // User 2 has had no call yet, so it goes before user 1 although it came later.
    const newcomer = settled(budget.acquire(2));

    await vi.advanceTimersByTimeAsync(8_000);
    expect(newcomer.done()).toBe(true);
    expect(again.done()).toBe(false);

    await vi.advanceTimersByTimeAsync(3_000);
    expect(again.done()).toBe(true);
    const error = again.value();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('budget_exhausted');
    expect((error as AppError).retryAfterSeconds).toBe(7);
  });

  it('keeps the slot of a rejected user who comes back when told', async () => {
    const budget = budgetWith({ sharedLimit: 1, windowMs: 10_000, maxWaitMs: 2_000 });
    await budget.acquire(1);
    await vi.advanceTimersByTimeAsync(1_000);
    const rejected = await appErrorOf(budget.acquire(2));
    expect(rejected.retryAfterSeconds).toBe(9);

    // The slot frees at 10 s; a newcomer at 10.5 s finds it kept for user 2.
    await vi.advanceTimersByTimeAsync(9_500);
    expect((await appErrorOf(budget.acquire(3))).code).toBe('budget_exhausted');

    await vi.advanceTimersByTimeAsync(500);
    await expect(budget.acquire(2)).resolves.toBeUndefined();
  });

  it('frees a kept slot when its user does not come back', async () => {
    const budget = budgetWith({ sharedLimit: 1, windowMs: 10_000, maxWaitMs: 2_000, holdMs: 5_000 });
    await budget.acquire(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await appErrorOf(budget.acquire(2));

    // Kept from 10 s until 15 s: 9 s of Retry-After after 1 s, plus the 5 s hold.
    await vi.advanceTimersByTimeAsync(13_999);
    expect((await appErrorOf(budget.acquire(3))).code).toBe('budget_exhausted');

    await vi.advanceTimersByTimeAsync(1);
    await expect(budget.acquire(3)).resolves.toBeUndefined();
  });

  it('drops a waiting request whose signal aborts and gives its slot to the next', async () => {
    const budget = budgetWith({ sharedLimit: 1, maxWaitMs: 2 * MINUTE });
    await budget.acquire(1);
    const controller = new AbortController();
    const aborted = settled(budget.acquire(2, controller.signal));
    await vi.advanceTimersByTimeAsync(1_000);
    const next = settled(budget.acquire(3));

    const reason = new Error('the browser went away');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(aborted.value()).toBe(reason);

    await vi.advanceTimersByTimeAsync(MINUTE - 1_000);
    expect(next.done()).toBe(true);
    expect(next.value()).toBeUndefined();
    expect(budget.status(2).user.remaining).toBe(6);
  });

  it('rejects an already aborted signal without counting a call', async () => {
    const budget = budgetWith();
    const controller = new AbortController();
    controller.abort(new Error('gone'));

    await expect(budget.acquire(1, controller.signal)).rejects.toThrow('gone');
    expect(budget.status(1).shared.remaining).toBe(6);
  });

  it('holds every call back while paused by the SQL API', async () => {
    const budget = budgetWith({ maxWaitMs: 20_000 });
    budget.pauseFor(45);

    const error = await appErrorOf(budget.acquire(1));

    expect(error.code).toBe('upstream_rate_limited');
    expect(error.limit).toBe('upstream');
    expect(error.retryAfterSeconds).toBe(45);
    expect(error.budget?.upstreamPausedForSeconds).toBe(45);
    expect(budget.status(1).shared.remaining).toBe(6);
  });

  it('grants a waiting request when a short pause ends', async () => {
    const budget = budgetWith({ maxWaitMs: 20_000 });
    budget.pauseFor(5);

    const waiting = settled(budget.acquire(1));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(waiting.done()).toBe(false);
    expect(budget.status(1).upstreamPausedForSeconds).toBe(1);

    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.done()).toBe(true);
    expect(waiting.value()).toBeUndefined();
    expect(budget.status(1).upstreamPausedForSeconds).toBe(0);
  });

  it('keeps the longer of two pauses', async () => {
    const budget = budgetWith();
    budget.pauseFor(30);
    budget.pauseFor(10);

    expect(budget.status(1).upstreamPausedForSeconds).toBe(30);
  });
});
