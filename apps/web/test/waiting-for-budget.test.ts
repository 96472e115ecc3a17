import type { BudgetStatus } from '@console/shared-types';
import { describe, expect, it } from 'vitest';
import { sharedBudgetWaitSeconds } from '../src/budget/waiting-for-budget.js';

function status(sharedRemaining: number, resetInSeconds: number, pausedFor = 0): BudgetStatus {
  return {
    user: { limit: 6, remaining: 3, resetInSeconds: 0, windowSeconds: 60 },
    shared: { limit: 6, remaining: sharedRemaining, resetInSeconds, windowSeconds: 60 },
    upstreamPausedForSeconds: pausedFor,
  };
}

describe('sharedBudgetWaitSeconds', () => {
  it('is null without a reading', () => {
    expect(sharedBudgetWaitSeconds(undefined, 0)).toBeNull();
  });

  it('is null while shared calls remain', () => {
    expect(sharedBudgetWaitSeconds({ status: status(2, 0), receivedAt: 1_000 }, 1_000)).toBeNull();
  });

  it('counts down from the reading time', () => {
    const reading = { status: status(0, 20), receivedAt: 10_000 };
    expect(sharedBudgetWaitSeconds(reading, 10_000)).toBe(20);
    expect(sharedBudgetWaitSeconds(reading, 15_000)).toBe(15);
  });

  it('is null once the window has moved on', () => {
    expect(sharedBudgetWaitSeconds({ status: status(0, 5), receivedAt: 0 }, 6_000)).toBeNull();
  });

  it('includes a pause after the SQL API refused calls', () => {
    expect(sharedBudgetWaitSeconds({ status: status(3, 0, 30), receivedAt: 0 }, 10_000)).toBe(20);
  });
});
