import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { formatWait } from '../errors/describe-error.js';
import { BUDGET_QUERY_KEY } from './budget-store.js';
import { upstreamPauseNow, windowNow, type WindowNow } from './countdown.js';
import { useBudget } from './use-budget.js';
import { useNow } from './use-now.js';

function windowText(label: string, window: WindowNow): string {
  const base = `${label}: ${window.remaining} of ${window.limit} left`;
  return window.remaining === 0 && window.resetInSeconds > 0 ? `${base}, next in ${formatWait(window.resetInSeconds)}` : base;
}

/** Queries left this minute, for the user and for everyone, kept live by the last reading. */
export function BudgetDisplay() {
  const queryClient = useQueryClient();
  const { data } = useBudget();
  const counting =
    data !== undefined &&
    (data.status.user.remaining === 0 || data.status.shared.remaining === 0 || data.status.upstreamPausedForSeconds > 0);
  const now = useNow(counting);

  const user = data === undefined ? null : windowNow(data.status.user, data.receivedAt, now);
  const shared = data === undefined ? null : windowNow(data.status.shared, data.receivedAt, now);
  const pause = data === undefined ? 0 : upstreamPauseNow(data, now);
  const stale = user?.stale === true || shared?.stale === true;

  // Once a window has moved on, the reading no longer tells how many calls are left, so fetch a new one.
  useEffect(() => {
    if (stale) void queryClient.invalidateQueries({ queryKey: BUDGET_QUERY_KEY });
  }, [stale, queryClient]);

  if (user === null || shared === null) {
    return (
      <div className="budget" data-testid="budget">
        <span className="muted">Budget: loading…</span>
      </div>
    );
  }

  const windowSeconds = data?.status.user.windowSeconds ?? 60;
  return (
    <div
      className={user.remaining === 0 || shared.remaining === 0 ? 'budget exhausted' : 'budget'}
      data-testid="budget"
      title={`Queries allowed per ${formatWait(windowSeconds)}. Answers from the cache cost nothing.`}
    >
      <span data-testid="budget-user">{windowText('You', user)}</span>
      <span data-testid="budget-shared">{windowText('Everyone', shared)}</span>
      {pause > 0 && <span data-testid="budget-paused">SQL API paused for {formatWait(pause)}</span>}
    </div>
  );
}
