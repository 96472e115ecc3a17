import type { AuditList } from '@console/shared-types';
import { useQuery } from '@tanstack/react-query';
import { requestJson } from '../api/http.js';

/** Fetches every user's query attempts that match the filter (admins only), newest first. `query` comes from `auditQueryString`. */
export function useAuditLog(query: string, enabled: boolean) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => requestJson<AuditList>('GET', `/api/audit${query}`, { signal }),
    placeholderData: (previous) => previous,
    enabled,
    staleTime: 0,
  });
}
