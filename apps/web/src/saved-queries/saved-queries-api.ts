import type {
  CreateSavedQueryRequest,
  SavedQueryDetail,
  SavedQueryList,
  UpdateSavedQueryRequest,
} from '@console/shared-types';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../api/http.js';

export const SAVED_QUERIES_KEY = ['saved-queries'] as const;

function queryPath(id: string, suffix = ''): string {
  return `/api/saved-queries/${encodeURIComponent(id)}${suffix}`;
}

export function fetchSavedQuery(id: string, signal?: AbortSignal): Promise<SavedQueryDetail> {
  return requestJson<SavedQueryDetail>('GET', queryPath(id), { signal });
}

export function createSavedQuery(body: CreateSavedQueryRequest): Promise<SavedQueryDetail> {
  return requestJson<SavedQueryDetail>('POST', '/api/saved-queries', { body });
}

export function updateSavedQuery(id: string, body: UpdateSavedQueryRequest): Promise<SavedQueryDetail> {
  return requestJson<SavedQueryDetail>('PATCH', queryPath(id), { body });
}

export function deleteSavedQuery(id: string): Promise<void> {
  return requestJson<void>('DELETE', queryPath(id));
}

export function duplicateSavedQuery(id: string): Promise<SavedQueryDetail> {
  return requestJson<SavedQueryDetail>('POST', queryPath(id, '/duplicate'));
}

/** Attaches a recent result of the caller's, identified by the runId of its QueryResponse. */
export function saveSnapshot(id: string, runId: string): Promise<SavedQueryDetail> {
  return requestJson<SavedQueryDetail>('PUT', queryPath(id, '/snapshot'), { body: { runId } });
}

export function deleteSnapshot(id: string): Promise<void> {
  return requestJson<void>('DELETE', queryPath(id, '/snapshot'));
}

/** Fetches the caller's own queries and those others shared, filtered by title, description or SQL. */
export function useSavedQueryList(search: string) {
  const term = search.trim();
  return useQuery({
    queryKey: [...SAVED_QUERIES_KEY, 'list', term],
    queryFn: ({ signal }) =>
      requestJson<SavedQueryList>('GET', term === '' ? '/api/saved-queries' : `/api/saved-queries?search=${encodeURIComponent(term)}`, {
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

/** Wraps a saved-query call as a mutation that refreshes every list when it succeeds. */
export function useSavedQueryMutation<Input, Output>(call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SAVED_QUERIES_KEY }),
  });
}
