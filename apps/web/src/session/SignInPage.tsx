import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error.js';
import { deadlineAfter } from '../budget/countdown.js';
import { ErrorMessage } from '../errors/ErrorMessage.js';
import { shareIdFromPath } from '../share/share-link.js';
import { useSignIn } from './use-session.js';

interface SignInPageProps {
  /** True when the page appears because the session ended while the console was open. */
  sessionEnded?: boolean;
  /** Called when the user types in the form or submits it. The app then starts loading the console. */
  onUserInput?: () => void;
  /** Called when the form is submitted, before the sign-in request. */
  onSubmitted?: () => void;
}

export function SignInPage({ sessionEnded = false, onUserInput, onSubmitted }: SignInPageProps) {
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [retryDeadline, setRetryDeadline] = useState<number | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onUserInput?.();
    onSubmitted?.();
    setRetryDeadline(null);
    signIn.mutate(
      { username: username.trim(), password },
      {
        onError: (error) => {
          const retryAfter = error instanceof ApiError ? error.details.retryAfterSeconds : undefined;
          if (retryAfter !== undefined) setRetryDeadline(deadlineAfter(retryAfter, Date.now()));
        },
      },
    );
  };

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} onInput={onUserInput} aria-labelledby="sign-in-title" data-testid="signin-form">
        <h1 id="sign-in-title">SQL Console</h1>
        {sessionEnded ? (
          <p className="notice" role="status" data-testid="session-ended">
            Your session has ended. Sign in again; your query text is kept.
          </p>
        ) : (
          <p className="muted" data-testid="signin-hint">
            {shareIdFromPath(window.location.pathname) === null
              ? 'Sign in with your console account to query the data.'
              : 'Sign in with your console account to open the shared query.'}
          </p>
        )}
        <label>
          Username
          <input
            data-testid="signin-username"
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </label>
        <label>
          Password
          <input
            data-testid="signin-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <button data-testid="signin-submit" type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        {signIn.isError && (
          <ErrorMessage error={signIn.error} retryDeadline={retryDeadline} testId="signin-error" />
        )}
      </form>
    </main>
  );
}
