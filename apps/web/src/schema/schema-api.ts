import type { SchemaResponse } from '@console/shared-types';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { requestJson } from '../api/http.js';

export const SCHEMA_QUERY_KEY = ['schema'] as const;

export function fetchSchema(refresh: boolean, signal?: AbortSignal): Promise<SchemaResponse> {
  return requestJson<SchemaResponse>('GET', refresh ? '/api/schema?refresh=1' : '/api/schema', { signal });
}

/**
 * Tables and columns for autocomplete and the schema browser. Reading the
 * schema can cost a call of the shared budget, so it is fetched once per page
 * and again only when the user asks (`refresh`).
 */
export function useSchema() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: SCHEMA_QUERY_KEY,
    queryFn: ({ signal }) => fetchSchema(false, signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const refresh = useCallback(async () => {
    const schema = await fetchSchema(true);
    queryClient.setQueryData(SCHEMA_QUERY_KEY, schema);
    return schema;
  }, [queryClient]);
  return { ...query, refresh };
}
