import type { SavedQueryDetail } from '@console/shared-types';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { fetchSavedQuery } from '../saved-queries/saved-queries-api.js';

export type ShareRouteState =
  | { status: 'none' }
  | { status: 'loading'; id: string }
  | { status: 'opened'; id: string }
  | { status: 'not-found'; id: string }
  | { status: 'failed'; id: string; error: unknown; retry: () => void };

interface ShareRouteOptions {
  open: (query: SavedQueryDetail) => void;
  /** Id the console already opened, e.g. from the sidebar, so the link need not be fetched again. */
  alreadyOpened: () => string | null;
}

const NONE: ShareRouteState = { status: 'none' };

/**
 * Opens the saved query of a share link `/q/<id>` in a tab. Only a GET of the
 * saved query is made: its snapshot is shown as it was, and nothing is run.
 * The callbacks are read through a ref, so only a new id or a retry fetches.
 */
export function useShareRoute(shareId: string | null, options: ShareRouteOptions): ShareRouteState {
  const [state, setState] = useState<ShareRouteState>(NONE);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    if (shareId === null) {
      setState(NONE);
      return undefined;
    }
    if (latest.current.alreadyOpened() === shareId) {
      setState({ status: 'opened', id: shareId });
      return undefined;
    }
    const controller = new AbortController();
    setState({ status: 'loading', id: shareId });
    fetchSavedQuery(shareId, controller.signal).then(
      (query) => {
        if (controller.signal.aborted) return;
        latest.current.open(query);
        setState({ status: 'opened', id: shareId });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: 'not-found', id: shareId });
        else setState({ status: 'failed', id: shareId, error, retry: () => setAttempt((count) => count + 1) });
      },
    );
    return () => controller.abort();
  }, [shareId, attempt]);

  return state;
}
