import { Component, type ReactNode } from 'react';
import { ErrorMessage } from '../errors/ErrorMessage.js';

interface ConsoleErrorBoundaryProps {
  children: ReactNode;
}

interface ConsoleErrorBoundaryState {
  error: unknown;
  failed: boolean;
}

/**
 * Shows the error and a Reload button in place of the console when its chunk
 * fails to load (the network dropped, or a new deployment removed the old
 * chunk) or the console throws while rendering. React.lazy keeps a failed
 * load's error, so only a page load tries again.
 */
export class ConsoleErrorBoundary extends Component<ConsoleErrorBoundaryProps, ConsoleErrorBoundaryState> {
  override state: ConsoleErrorBoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): ConsoleErrorBoundaryState {
    return { error, failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="sign-in">
        <div className="sign-in-card" data-testid="console-failed">
          <ErrorMessage error={this.state.error} />
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </main>
    );
  }
}
