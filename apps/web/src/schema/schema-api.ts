import type { SchemaResponse } from '@console/shared-types';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { requestJson } from '../api/http.js';
import { BUDGET_QUERY_KEY } from '../budget/budget-store.js';
import { setSchemaLoader } from './schema-demand.js';

export const SCHEMA_QUERY_KEY = ['schema'] as const;

export function fetchSchema(refresh: boolean, signal?: AbortSignal): Promise<SchemaResponse> {
  return requestJson<SchemaResponse>('GET', refresh ? '/api/schema?refresh=1' : '/api/schema', { signal });
}

/**
 * Returns the cached schema, or fetches it once. After a failed fetch it
 * returns nothing instead of trying again, so that typing in the editor
 * cannot spend the shared budget call after call: the Refresh button retries.
 */
export async function loadSchemaOnce(queryClient: QueryClient): Promise<SchemaResponse | undefined> {
  const state = queryClient.getQueryState(SCHEMA_QUERY_KEY);
  if (state?.status === 'error') return undefined;
  return queryClient.fetchQuery(schemaQueryOptions(queryClient));
}

/** The schema query as both the hook and the on-demand load use it: fetched once, never stale. */
function schemaQueryOptions(queryClient: QueryClient) {
  return {
    queryKey: SCHEMA_QUERY_KEY,
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchSchemaAndBudget(queryClient, false, signal),
    staleTime: Number.POSITIVE_INFINITY,
  };
}

/** Fetches the schema, then reads the budget again, since a schema load that was not cached spent a call. */
async function fetchSchemaAndBudget(queryClient: QueryClient, refresh: boolean, signal?: AbortSignal): Promise<SchemaResponse> {
  const schema = await fetchSchema(refresh, signal);
  if (!schema.cached) void queryClient.invalidateQueries({ queryKey: BUDGET_QUERY_KEY });
  return schema;
}

/**
 * Tables and columns for autocomplete and the schema browser. Reading the
 * schema can cost a call of the shared budget, so nothing is fetched when the
 * page loads: `load` (the schema browser when first shown) or the first
 * completion request (through `demandSchemaTables`) fetches it once per page,
 * and `refresh` fetches it anew when the user presses Refresh.
 */
export function useSchema() {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...schemaQueryOptions(queryClient),
    enabled: false,
    retry: false,
  });

  // Left in place on unmount: the page has one QueryClient, and both the editor and the browser call this hook.
  useEffect(() => {
    setSchemaLoader(async () => (await loadSchemaOnce(queryClient))?.tables ?? []);
  }, [queryClient]);

  const load = useCallback(() => {
    void loadSchemaOnce(queryClient).catch(() => undefined);
  }, [queryClient]);

  const refresh = useCallback(async () => {
    const schema = await fetchSchemaAndBudget(queryClient, true);
    queryClient.setQueryData(SCHEMA_QUERY_KEY, schema);
    return schema;
  }, [queryClient]);

  return { ...query, load, refresh };
}
