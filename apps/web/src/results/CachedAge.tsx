import { useNow } from '../budget/use-now.js';
import { formatWait } from '../errors/describe-error.js';

interface CachedAgeProps {
  ageSeconds: number;
  /** Epoch milliseconds when the response arrived. */
  receivedAt: number;
  onRunFresh: () => void;
  running: boolean;
}

/** Shows the live age of a cached result next to a button that runs the query again. */
export function CachedAge({ ageSeconds, receivedAt, onRunFresh, running }: CachedAgeProps) {
  const now = useNow(true);
  const age = ageSeconds + Math.max(0, (now - receivedAt) / 1000);
  return (
    <span className="cached-age" data-testid="cached-notice">
      Cached result from {formatWait(Math.floor(age))} ago, no budget used.
      <button type="button" data-testid="run-fresh" onClick={onRunFresh} disabled={running}>
        Run fresh
      </button>
    </span>
  );
}
