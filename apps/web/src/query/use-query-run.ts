import type { QueryRequest, QueryResponse } from '@console/shared-types';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, StoppedError } from '../api/api-error.js';
import { requestJson } from '../api/http.js';
import { recordBudget } from '../budget/budget-store.js';
import { deadlineAfter } from '../budget/countdown.js';
import { IDLE_RUN, type RunRequest, type RunState } from './run-state.js';

export interface QueryRun {
  state: RunState;
  run: (request: RunRequest) => void;
  /** Stops waiting for the response. The SQL API has no cancel call, so the query may still finish there. */
  stop: () => void;
}

/** Runs queries against the BFF one at a time and keeps the latest result and error. */
export function useQueryRun(): QueryRun {
  const queryClient = useQueryClient();
  const [state, setState] = useState<RunState>(IDLE_RUN);
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => () => controllerRef.current?.abort(), []);

  const run = useCallback(
    (request: RunRequest) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      const startedAt = Date.now();
      performance.mark('query-run-start');
      setState((previous) => ({ ...previous, phase: 'running', request, startedAt, error: null, retryDeadline: null }));

      const body: QueryRequest = request.fresh === true ? { sql: request.sql, fresh: true } : { sql: request.sql };
      requestJson<QueryResponse>('POST', '/api/query', { body, signal: controller.signal }).then(
        (response) => {
          if (controllerRef.current !== controller) return;
          controllerRef.current = null;
          recordBudget(queryClient, response.budget);
          setState({
            phase: 'done',
            result: { response, receivedAt: Date.now(), request },
            request,
            startedAt,
            error: null,
            retryDeadline: null,
          });
        },
        (error: unknown) => {
          // A newer run or a Stop click has taken over, so its state is kept.
          if (controllerRef.current !== controller) return;
          controllerRef.current = null;
          if (error instanceof StoppedError) return;
          let retryDeadline: number | null = null;
          if (error instanceof ApiError) {
            if (error.details.budget !== undefined) recordBudget(queryClient, error.details.budget);
            if (error.details.retryAfterSeconds !== undefined) {
              retryDeadline = deadlineAfter(error.details.retryAfterSeconds, Date.now());
            }
          }
          setState((previous) => ({ ...previous, phase: 'failed', result: null, error, retryDeadline }));
        },
      );
    },
    [queryClient],
  );

  const stop = useCallback(() => {
    const controller = controllerRef.current;
    if (controller === null) return;
    controllerRef.current = null;
    controller.abort();
    setState((previous) => ({ ...previous, phase: 'stopped', result: null, error: new StoppedError() }));
  }, []);

  return { state, run, stop };
}
