import { formatWait } from '../errors/describe-error.js';
import { secondsUntil } from './countdown.js';
import { useNow } from './use-now.js';

interface RetryCountdownProps {
  /** Epoch milliseconds when a retry can succeed. */
  deadline: number;
}

/** Counts down to `deadline`, then shows that a retry is possible. */
export function RetryCountdown({ deadline }: RetryCountdownProps) {
  const now = useNow(true, 250);
  const left = secondsUntil(deadline, now);
  return (
    <p className="retry-countdown" data-testid="retry-countdown" role="timer" aria-live="off">
      {left > 0 ? `You can try again in ${formatWait(left)}.` : 'You can try again now.'}
    </p>
  );
}
