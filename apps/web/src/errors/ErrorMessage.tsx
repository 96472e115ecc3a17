import { RetryCountdown } from '../budget/RetryCountdown.js';
import { describeError } from './describe-error.js';

interface ErrorMessageProps {
  error: unknown;
  /** Epoch milliseconds when a rate-limited call can be retried. */
  retryDeadline?: number | null;
  testId?: string;
}

/** Shows an error in words a person understands, with a live countdown for rate limits. */
export function ErrorMessage({ error, retryDeadline = null, testId = 'error-panel' }: ErrorMessageProps) {
  const description = describeError(error);
  return (
    <div className="error-panel" role="alert" data-testid={testId}>
      <p className="error-title">{description.title}</p>
      {description.detail !== null && <pre className="error-detail">{description.detail}</pre>}
      {description.hint !== null && <p className="error-hint">{description.hint}</p>}
      {retryDeadline !== null && <RetryCountdown deadline={retryDeadline} />}
    </div>
  );
}
