import type { QueryRequest, QueryResponse } from '@console/shared-types';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, StoppedError } from '../api/api-error.js';
import { messageInEditorTerms } from '../editor/positions.js';
import { requestJson } from '../api/http.js';
import { recordBudget } from '../budget/budget-store.js';
import { deadlineAfter } from '../budget/countdown.js';
import { IDLE_RUN, type RunRequest, type RunState } from './run-state.js';

export interface QueryRuns {
  /** Run state per editor tab id; a tab without an entry is idle. */
  states: Readonly<Record<string, RunState>>;
  /** Runs a query for the tab in `request.origin`, replacing that tab's previous run. */
  run: (request: RunRequest) => void;
  /** Stops waiting for a tab's response. The SQL API has no cancel call, so the query may still finish there. */
  stop: (tabId: string) => void;
  /** Stops a closed tab's run and drops its result. */
  forget: (tabId: string) => void;
}

/** Returns the error with its message's line and column counted from the top of the editor. */
function inEditorTerms(error: unknown, origin: { line: number; column: number }): unknown {
  if (!(error instanceof ApiError) || error.details.position === undefined) return error;
  const message = messageInEditorTerms(error.details.message, origin, error.details.position);
  return message === error.details.message ? error : new ApiError(error.status, { ...error.details, message });
}

function retryDeadlineOf(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.details.retryAfterSeconds === undefined) return null;
  return deadlineAfter(error.details.retryAfterSeconds, Date.now());
}

/** Runs queries against the BFF and keeps each editor tab's latest result or error. */
export function useQueryRun(): QueryRuns {
  const queryClient = useQueryClient();
  const [states, setStates] = useState<Record<string, RunState>>({});
  const controllers = useRef(new Map<string, AbortController>());

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  const update = useCallback((tabId: string, change: (previous: RunState) => RunState) => {
    setStates((current) => ({ ...current, [tabId]: change(current[tabId] ?? IDLE_RUN) }));
  }, []);

  const run = useCallback(
    (request: RunRequest) => {
      const tabId = request.origin.tabId;
      controllers.current.get(tabId)?.abort();
      const controller = new AbortController();
      controllers.current.set(tabId, controller);
      const startedAt = Date.now();
      performance.mark('query-run-start');
      update(tabId, (previous) => ({ ...previous, phase: 'running', request, startedAt, error: null, retryDeadline: null }));

      // A newer run, a Stop click or a closed tab has taken over when the controller changed.
      const isCurrent = () => controllers.current.get(tabId) === controller;
      const body: QueryRequest = request.fresh === true ? { sql: request.sql, fresh: true } : { sql: request.sql };
      requestJson<QueryResponse>('POST', '/api/query', { body, signal: controller.signal }).then(
        (response) => {
          if (!isCurrent()) return;
          controllers.current.delete(tabId);
          recordBudget(queryClient, response.budget);
          update(tabId, () => ({
            phase: 'done',
            result: { response, receivedAt: Date.now(), request },
            request,
            startedAt,
            error: null,
            retryDeadline: null,
          }));
        },
        (error: unknown) => {
          if (!isCurrent() || error instanceof StoppedError) return;
          controllers.current.delete(tabId);
          if (error instanceof ApiError && error.details.budget !== undefined) recordBudget(queryClient, error.details.budget);
          const retryDeadline = retryDeadlineOf(error);
          const shown = inEditorTerms(error, request.origin);
          update(tabId, (previous) => ({ ...previous, phase: 'failed', result: null, error: shown, retryDeadline }));
        },
      );
    },
    [queryClient, update],
  );

  const stop = useCallback(
    (tabId: string) => {
      const controller = controllers.current.get(tabId);
      if (controller === undefined) return;
      controllers.current.delete(tabId);
      controller.abort();
      update(tabId, (previous) => ({ ...previous, phase: 'stopped', result: null, error: new StoppedError() }));
    },
    [update],
  );

  const forget = useCallback((tabId: string) => {
    controllers.current.get(tabId)?.abort();
    controllers.current.delete(tabId);
    setStates((current) => {
      if (!(tabId in current)) return current;
      const { [tabId]: _dropped, ...rest } = current;
      return rest;
    });
  }, []);

  return { states, run, stop, forget };
}
