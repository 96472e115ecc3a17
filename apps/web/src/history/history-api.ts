import type { HistoryList } from '@console/shared-types';
import { useQuery } from '@tanstack/react-query';
import { requestJson } from '../api/http.js';

export const HISTORY_KEY = ['history'] as const;

/** Fetches the signed-in user's recent runs, newest first, filtered by SQL text. */
export function useHistory(search: string) {
  const term = search.trim();
  return useQuery({
    queryKey: [...HISTORY_KEY, term],
    queryFn: ({ signal }) =>
      requestJson<HistoryList>('GET', term === '' ? '/api/history' : `/api/history?search=${encodeURIComponent(term)}`, { signal }),
    placeholderData: (previous) => previous,
    staleTime: 0,
  });
}
