import { RunTimer } from './RunTimer.js';

interface RunToolbarProps {
  running: boolean;
  startedAt: number | null;
  onRun: () => void;
  onStop: () => void;
  onFormat: () => void;
  onShowShortcuts: () => void;
  /** A short message next to the buttons, e.g. why formatting failed. */
  notice: string | null;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function RunToolbar({ running, startedAt, onRun, onStop, onFormat, onShowShortcuts, notice }: RunToolbarProps) {
  return (
    <div className="run-toolbar" role="toolbar" aria-label="Query actions">
      <button
        type="button"
        className="primary"
        data-testid="run-button"
        onClick={onRun}
        disabled={running}
        title={IS_MAC ? '⌘+Enter' : 'Ctrl+Enter'}
      >
        Run <kbd>{IS_MAC ? '⌘↵' : 'Ctrl+↵'}</kbd>
      </button>
      {running && (
        <>
          <button type="button" className="danger" data-testid="stop-button" onClick={onStop}>
            Stop
          </button>
          {startedAt !== null && <RunTimer startedAt={startedAt} />}
          <span className="muted stop-note">
            Stop ends the wait here; the SQL API cannot cancel, so the query may still finish on the server.
          </span>
        </>
      )}
      <span className="spacer" />
      {notice !== null && (
        <span className="toolbar-notice" role="status" data-testid="toolbar-notice">
          {notice}
        </span>
      )}
      <button type="button" data-testid="format-button" onClick={onFormat} title="Shift+Alt+F">
        Format
      </button>
      <button type="button" data-testid="shortcuts-button" onClick={onShowShortcuts}>
        Shortcuts
      </button>
    </div>
  );
}
