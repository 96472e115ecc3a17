import type { SessionResponse, SignInRequest } from '@console/shared-types';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SESSION_QUERY_KEY, fetchSession, signIn, signOut } from './session-api.js';

export function useSession() {
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: SignInRequest) => signIn(credentials),
    onSuccess: (session) => queryClient.setQueryData<SessionResponse | null>(SESSION_QUERY_KEY, session),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      // Drop everything the previous user could see, then show the sign-in page.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
      queryClient.setQueryData<SessionResponse | null>(SESSION_QUERY_KEY, null);
    },
  });
}
