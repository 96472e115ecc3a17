import { useNow } from '../budget/use-now.js';

interface RunTimerProps {
  /** Epoch milliseconds when the run started. */
  startedAt: number;
}

/**
 * Shows the time since Run was pressed. It is its own component so that only
 * this text re-renders on each tick, never the editor or the grid.
 */
export function RunTimer({ startedAt }: RunTimerProps) {
  const now = useNow(true, 100);
  const seconds = Math.max(0, now - startedAt) / 1000;
  return (
    <span className="run-timer" data-testid="run-timer" role="timer">
      {seconds.toFixed(1)} s
    </span>
  );
}
