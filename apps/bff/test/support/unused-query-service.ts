import type { QueryService } from '../../src/query/query-service.js';

/** A query service for tests of routes that must never run a query: any call fails the test. */
export const unusedQueryService: QueryService = {
  run() {
    throw new Error('this test must not run a query');
  },
  getRun() {
    throw new Error('this test must not read a run');
  },
  budgetStatus() {
    throw new Error('this test must not read the budget');
  },
};
