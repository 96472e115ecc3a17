import { navigate } from '../app/navigation.js';
import { ErrorMessage } from '../errors/ErrorMessage.js';

/** Shown in place of the editor when a share link could not be read for a reason other than "not found". */
export function ShareLinkFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <main className="workspace share-failed" data-testid="share-failed">
      <ErrorMessage error={error} />
      <p>
        <button type="button" className="primary" onClick={onRetry}>
          Try again
        </button>{' '}
        <button type="button" onClick={() => navigate('/')}>
          Go to the console
        </button>
      </p>
    </main>
  );
}
