import type { BudgetStatus } from '@console/shared-types';
import type { QueryClient } from '@tanstack/react-query';
import { requestJson } from '../api/http.js';
import type { BudgetReading } from './countdown.js';

export const BUDGET_QUERY_KEY = ['budget'] as const;

export async function fetchBudget(signal?: AbortSignal): Promise<BudgetReading> {
  const status = await requestJson<BudgetStatus>('GET', '/api/budget', { signal });
  return { status, receivedAt: Date.now() };
}

/** Stores a budget reading that came with a query response or a 429, so the display needs no extra call. */
export function recordBudget(queryClient: QueryClient, status: BudgetStatus): void {
  queryClient.setQueryData<BudgetReading>(BUDGET_QUERY_KEY, { status, receivedAt: Date.now() });
}
