import { useQuery } from '@tanstack/react-query';
import { BUDGET_QUERY_KEY, fetchBudget } from './budget-store.js';

/** Refresh interval of the budget display while nothing else updates it. */
const BUDGET_REFRESH_MS = 30_000;

export function useBudget() {
  return useQuery({
    queryKey: BUDGET_QUERY_KEY,
    queryFn: ({ signal }) => fetchBudget(signal),
    refetchInterval: BUDGET_REFRESH_MS,
    staleTime: 5_000,
    retry: false,
  });
}
