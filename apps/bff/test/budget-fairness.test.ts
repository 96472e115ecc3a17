import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateBudget, type RateBudget } from '../src/budget/rate-budget.js';
import { AppError } from '../src/errors.js';

const WINDOW_MS = 60_000;
const SHARED_LIMIT = 6;

/** A stand-in for the SQL API that only notes when each call arrives, on the fake clock. */
interface CallLog {
  calls: Array<{ userId: number; at: number }>;
}

/** Runs one user's queries back to back: after a 429 it waits the Retry-After, as a person following the countdown would. */
async function keepQuerying(budget: RateBudget, userId: number, until: number, log: CallLog): Promise<void> {
  while (Date.now() < until) {
    try {
      await budget.acquire(userId);
      log.calls.push({ userId, at: Date.now() });
    } catch (error) {
      if (!(error instanceof AppError) || error.retryAfterSeconds === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, (error.retryAfterSeconds ?? 1) * 1000));
    }
  }
}

/** Returns the largest number of calls inside any rolling window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start += 1;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}

function callsPerUser(log: CallLog, userIds: number[]): number[] {
  return userIds.map((userId) => log.calls.filter((call) => call.userId === userId).length);
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-05T10:00:00Z') });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('rate budget under many parallel users', () => {
  it('never passes the shared limit and shares it evenly among 20 users', async () => {
    const budget = createRateBudget({ sharedLimit: SHARED_LIMIT, perUserLimit: 6, windowMs: WINDOW_MS, maxWaitMs: 20_000 });
    const log: CallLog = { calls: [] };
    const userIds = Array.from({ length: 20 }, (_, index) => index + 1);
    const until = Date.now() + 20 * WINDOW_MS;

    const users = Promise.all(userIds.map((userId) => keepQuerying(budget, userId, until, log)));
    await vi.advanceTimersByTimeAsync(21 * WINDOW_MS);
    await users;

    expect(busiestWindow(log.calls.map((call) => call.at), WINDOW_MS)).toBe(SHARED_LIMIT);
    // 20 windows of 6 calls, plus the window that starts at the very end.
    expect(log.calls.length).toBeGreaterThanOrEqual(20 * SHARED_LIMIT);
    expect(log.calls.length).toBeLessThanOrEqual(21 * SHARED_LIMIT);

    const counts = callsPerUser(log, userIds);
    const fairShare = log.calls.length / userIds.length;
    for (const count of counts) {
      expect(count).toBeGreaterThanOrEqual(Math.floor(fairShare) - 2);
      expect(count).toBeLessThanOrEqual(Math.ceil(fairShare) + 2);
    }
  });

  it('keeps a user firing many requests at once to the share of the others', async () => {
    const budget = createRateBudget({ sharedLimit: SHARED_LIMIT, perUserLimit: 6, windowMs: WINDOW_MS, maxWaitMs: 20_000 });
    const log: CallLog = { calls: [] };
    const politeUsers = [2, 3, 4, 5];
    const greedyUser = 1;
    const windows = 10;
    const until = Date.now() + windows * WINDOW_MS;

    // The polite users start first and ask one query at a time.
    const polite = Promise.all(politeUsers.map((userId) => keepQuerying(budget, userId, until, log)));
    // The greedy user keeps 10 requests in flight, as a script or many open tabs would.
    const greedy = Promise.all(Array.from({ length: 10 }, () => keepQuerying(budget, greedyUser, until, log)));
    await vi.advanceTimersByTimeAsync((windows + 1) * WINDOW_MS);
    await Promise.all([polite, greedy]);

    expect(busiestWindow(log.calls.map((call) => call.at), WINDOW_MS)).toBe(SHARED_LIMIT);

    // 6 calls over 5 users: each gets 1 or 2 per window. The remainder goes to whoever asks
    // first when several slots free in the same instant, which the greedy user always does.
    const [greedyCount = 0] = callsPerUser(log, [greedyUser]);
    const politeCounts = callsPerUser(log, politeUsers);
    expect(Math.max(...politeCounts) - Math.min(...politeCounts)).toBeLessThanOrEqual(2);
    for (const count of politeCounts) expect(count).toBeGreaterThanOrEqual(Math.floor(SHARED_LIMIT / 5) * windows);
    expect(greedyCount).toBeLessThanOrEqual(Math.ceil(SHARED_LIMIT / 5) * (windows + 1));
  });

  it('stays within the shared limit when 50 users arrive in the same instant', async () => {
    const budget = createRateBudget({ sharedLimit: SHARED_LIMIT, perUserLimit: 6, windowMs: WINDOW_MS, maxWaitMs: 20_000 });
    const log: CallLog = { calls: [] };
    const outcomes = { granted: 0, budgetExhausted: 0, other: 0 };

    const requests = Array.from({ length: 50 }, async (_, index) => {
      try {
        await budget.acquire(index + 1);
        log.calls.push({ userId: index + 1, at: Date.now() });
        outcomes.granted += 1;
      } catch (error) {
        if (error instanceof AppError && error.code === 'budget_exhausted') outcomes.budgetExhausted += 1;
        else outcomes.other += 1;
      }
    });
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    await Promise.all(requests);

    expect(outcomes.granted).toBe(SHARED_LIMIT);
    expect(outcomes.budgetExhausted).toBe(50 - SHARED_LIMIT);
    expect(outcomes.other).toBe(0);
    expect(log.calls.every((call) => call.at === log.calls[0]?.at)).toBe(true);
  });

  it('grants waiting users in turn when slots free one by one', async () => {
    const budget = createRateBudget({ sharedLimit: 2, perUserLimit: 10, windowMs: 10_000, maxWaitMs: 60_000 });
    const log: CallLog = { calls: [] };
    const until = Date.now() + 100_000;

    const users = Promise.all([1, 2, 3, 4, 5].map((userId) => keepQuerying(budget, userId, until, log)));
    // Past `until`, a user may still wait up to maxWaitMs and then sleep a Retry-After.
    await vi.advanceTimersByTimeAsync(100_000 + 2 * 60_000);
    await users;

    // Once every user waits, the order of calls cycles through all of them.
    const order = log.calls.slice(5, 25).map((call) => call.userId);
    for (let index = 5; index < order.length; index += 1) {
      expect(order.slice(index - 5, index).sort()).toEqual([1, 2, 3, 4, 5]);
    }
    expect(busiestWindow(log.calls.map((call) => call.at), 10_000)).toBe(2);
  });
});
