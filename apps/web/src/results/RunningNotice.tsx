import { useBudget } from '../budget/use-budget.js';
import { useNow } from '../budget/use-now.js';
import { sharedBudgetWaitSeconds } from '../budget/waiting-for-budget.js';

/** Says whether a running query is on its way or waiting for the shared budget. */
export function RunningNotice() {
  const budget = useBudget();
  const now = useNow(true);
  const waitSeconds = sharedBudgetWaitSeconds(budget.data, now);

  if (waitSeconds === null) return <p data-testid="running-notice">Running the query…</p>;
  return (
    <p data-testid="running-notice">
      Waiting for the shared budget: everyone&apos;s calls for this minute are used. Your query goes out in about{' '}
      {waitSeconds} s, or is refused if the wait grows too long.
    </p>
  );
}
