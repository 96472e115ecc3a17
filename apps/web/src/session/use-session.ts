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
    // The app drops the other cached data once the console has closed.
    onSettled: () => queryClient.setQueryData<SessionResponse | null>(SESSION_QUERY_KEY, null),
  });
}
