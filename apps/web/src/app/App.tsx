import type { SessionResponse } from '@console/shared-types';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useState } from 'react';
import { setCsrfToken, setUnauthorizedHandler } from '../api/http.js';
import { ErrorMessage } from '../errors/ErrorMessage.js';
import { SESSION_QUERY_KEY } from '../session/session-api.js';
import { SignInPage } from '../session/SignInPage.js';
import { useSession } from '../session/use-session.js';
import { ConsoleErrorBoundary } from './ConsoleErrorBoundary.js';
import { LazyConsolePage, loadConsole, loadEditor, rememberConsoleShown } from './console-chunk.js';

/**
 * Shows the sign-in page or the console, and returns to sign-in when the
 * session ends. The console is a chunk of its own, so the sign-in page loads
 * only what it needs.
 */
export function App() {
  const queryClient = useQueryClient();
  const session = useSession();
  const [sessionEnded, setSessionEnded] = useState(false);
  const signedIn = session.data !== undefined && session.data !== null;

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setSessionEnded(true);
      queryClient.setQueryData<SessionResponse | null>(SESSION_QUERY_KEY, null);
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  useEffect(() => {
    if (signedIn) rememberConsoleShown();
  }, [signedIn]);

  // Once the console has closed, after a sign-out or an ended session, drop
  // what the previous user could see. Removing it while the console was still
  // open made its budget display fetch again and get 401.
  useEffect(() => {
    if (!signedIn) queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
  }, [signedIn, queryClient]);

  if (session.isPending) {
    return <p className="page-loading">Loading…</p>;
  }
  if (session.isError) {
    return (
      <main className="sign-in">
        <div className="sign-in-card">
          <ErrorMessage error={session.error} />
          <button type="button" onClick={() => void session.refetch()}>
            Try again
          </button>
        </div>
      </main>
    );
  }
  if (session.data === null) {
    return <SignInPage sessionEnded={sessionEnded} onUserInput={() => void loadConsole()} onSubmitted={loadEditor} />;
  }
  return (
    <ConsoleErrorBoundary>
      <Suspense fallback={<p className="page-loading">Loading the console…</p>}>
        <LazyConsolePage session={session.data} />
      </Suspense>
    </ConsoleErrorBoundary>
  );
}
