import type { FastifyInstance, FastifyReply } from 'fastify';
import type { BudgetStatus, QueryRequest, User } from '@console/shared-types';
import { notAuthenticated } from '../errors.js';
import { type QueryService, queryResponseBody } from '../query/query-service.js';

const querySchema = {
  body: {
    type: 'object',
    required: ['sql'],
    properties: {
      sql: { type: 'string' },
      fresh: { type: 'boolean' },
    },
  },
} as const;

/** `POST /api/query` runs a query through the query service; `GET /api/budget` reports the rate budget. */
export async function queryRoutes(app: FastifyInstance, queryService: QueryService): Promise<void> {
  app.post<{ Body: QueryRequest }>('/query', { schema: querySchema }, async (request, reply) => {
    const user = requireUser(request.user);
    const result = await queryService.run(user, request.body, abortOnDisconnect(reply));
    // The body is a `QueryResponse`, written from the SQL API's rows text as it is.
    return reply.type('application/json; charset=utf-8').send(queryResponseBody(result));
  });

  app.get('/budget', async (request): Promise<BudgetStatus> => {
    return queryService.budgetStatus(requireUser(request.user).id);
  });
}

export function requireUser(user: User | null): User {
  if (user === null) throw notAuthenticated();
  return user;
}

/**
 * Returns a signal that aborts when the client disconnects before the response
 * is sent, so a waiting query leaves the queue and spends no budget.
 */
export function abortOnDisconnect(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
