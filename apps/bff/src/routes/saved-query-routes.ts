import type { FastifyInstance } from 'fastify';
import type {
  CreateSavedQueryRequest,
  SaveSnapshotRequest,
  SavedQuery,
  SavedQueryDetail,
  SavedQueryList,
  UpdateSavedQueryRequest,
  User,
} from '@console/shared-types';
import type { Clock } from '../clock.js';
import { forbidden, invalidRequest, notFound, runNotFound, sqlTooLarge } from '../errors.js';
import type { SavedQueriesRepo } from '../db/saved-queries-repo.js';
import type { SnapshotsRepo } from '../db/snapshots-repo.js';
import type { QueryService } from '../query/query-service.js';
import { parseRows } from '../upstream/success-body.js';
import { requireUser } from './query-routes.js';

export interface SavedQueryRoutesDeps {
  savedQueries: SavedQueriesRepo;
  snapshots: SnapshotsRepo;
  queryService: QueryService;
  clock: Clock;
  maxSqlBytes: number;
  snapshotTtlMs: number;
}

const LIST_LIMIT = 500;
const TITLE_MAX = 200;
const DESCRIPTION_MAX = 5000;

const visibilitySchema = { type: 'string', enum: ['private', 'shared'] } as const;
const idParams = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } as const;

const createSchema = {
  body: {
    type: 'object',
    required: ['title', 'sql'],
    properties: {
      title: { type: 'string', maxLength: TITLE_MAX },
      description: { type: 'string', maxLength: DESCRIPTION_MAX },
      sql: { type: 'string' },
      visibility: visibilitySchema,
    },
  },
} as const;

const updateSchema = {
  params: idParams,
  body: {
    type: 'object',
    properties: createSchema.body.properties,
    minProperties: 1,
  },
} as const;

const snapshotSchema = {
  params: idParams,
  body: {
    type: 'object',
    required: ['runId'],
    properties: { runId: { type: 'string', minLength: 1, maxLength: 200 } },
  },
} as const;

type IdParams = { id: string };

/**
 * Saved queries and their share links. Anyone but the owner gets the same 404
 * for a private query as for an unknown id, so a link reveals nothing once it
 * is unshared or deleted. Shared queries can be read and duplicated by every
 * signed-in user and changed only by their owner.
 */
export async function savedQueryRoutes(app: FastifyInstance, deps: SavedQueryRoutesDeps): Promise<void> {
  const { savedQueries, snapshots, queryService, clock } = deps;

  const findVisible = (id: string, user: User): SavedQuery => {
    const query = savedQueries.find(id);
    if (query === undefined || (query.owner.id !== user.id && query.visibility !== 'shared')) {
      throw notFound('The saved query');
    }
    return query;
  };

  const findOwned = (id: string, user: User, action: string): SavedQuery => {
    const query = findVisible(id, user);
    if (query.owner.id !== user.id) throw forbidden(`${action} a query that ${query.owner.username} saved`);
    return query;
  };

  const detail = (query: SavedQuery): SavedQueryDetail => {
    const snapshot = snapshots.find(query.id) ?? null;
    return { ...query, hasSnapshot: snapshot !== null, snapshot };
  };

  const checkSql = (sql: string | undefined): void => {
    if (sql === undefined) return;
    const size = Buffer.byteLength(sql, 'utf8');
    if (size > deps.maxSqlBytes) throw sqlTooLarge(size, deps.maxSqlBytes);
  };

  app.get<{ Querystring: { search?: string } }>(
    '/saved-queries',
    { schema: { querystring: { type: 'object', properties: { search: { type: 'string', maxLength: 500 } } } } },
    async (request): Promise<SavedQueryList> => {
      const user = requireUser(request.user);
      return { queries: savedQueries.listVisible(user.id, request.query.search?.trim(), LIST_LIMIT) };
    },
  );

  app.post<{ Body: CreateSavedQueryRequest }>('/saved-queries', { schema: createSchema }, async (request, reply) => {
    const user = requireUser(request.user);
    const body = request.body;
    checkSql(body.sql);
    const created = savedQueries.create({
      ownerId: user.id,
      title: requireTitle(body.title),
      description: body.description ?? '',
      sql: body.sql,
      visibility: body.visibility ?? 'private',
    });
    request.log.info({ userId: user.id, savedQueryId: created.id }, 'saved query created');
    return reply.code(201).send(detail(created));
  });

  app.get<{ Params: IdParams }>('/saved-queries/:id', { schema: { params: idParams } }, async (request) => {
    return detail(findVisible(request.params.id, requireUser(request.user)));
  });

  app.patch<{ Params: IdParams; Body: UpdateSavedQueryRequest }>(
    '/saved-queries/:id',
    { schema: updateSchema },
    async (request): Promise<SavedQueryDetail> => {
      const user = requireUser(request.user);
      const query = findOwned(request.params.id, user, 'change');
      const body = request.body;
      checkSql(body.sql);
      const updated = savedQueries.update(query.id, {
        ...(body.title === undefined ? {} : { title: requireTitle(body.title) }),
        ...(body.description === undefined ? {} : { description: body.description }),
        ...(body.sql === undefined ? {} : { sql: body.sql }),
        ...(body.visibility === undefined ? {} : { visibility: body.visibility }),
      });
      if (updated === undefined) throw notFound('The saved query');
      request.log.info({ userId: user.id, savedQueryId: query.id, visibility: updated.visibility }, 'saved query updated');
      return detail(updated);
    },
  );

  app.delete<{ Params: IdParams }>('/saved-queries/:id', { schema: { params: idParams } }, async (request, reply) => {
    const user = requireUser(request.user);
    const query = findOwned(request.params.id, user, 'delete');
    savedQueries.delete(query.id);
    request.log.info({ userId: user.id, savedQueryId: query.id }, 'saved query deleted');
    return reply.code(204).send();
  });

  app.post<{ Params: IdParams }>(
    '/saved-queries/:id/duplicate',
    { schema: { params: idParams } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const original = findVisible(request.params.id, user);
      const copy = savedQueries.create({
        ownerId: user.id,
        title: copyTitle(original.title),
        description: original.description,
        sql: original.sql,
        visibility: 'private',
      });
      request.log.info({ userId: user.id, savedQueryId: copy.id, copiedFrom: original.id }, 'saved query duplicated');
      return reply.code(201).send(detail(copy));
    },
  );

  app.put<{ Params: IdParams; Body: SaveSnapshotRequest }>(
    '/saved-queries/:id/snapshot',
    { schema: snapshotSchema },
    async (request): Promise<SavedQueryDetail> => {
      const user = requireUser(request.user);
      const query = findOwned(request.params.id, user, 'attach a result to');
      const run = queryService.getRun(request.body.runId, user.id);
      if (run === undefined) throw runNotFound();

      const expiresAt = new Date(clock() + deps.snapshotTtlMs).toISOString();
      snapshots.put(query.id, {
        columns: run.result.columns,
        rows: parseRows(run.result),
        rowCount: run.result.rowCount,
        truncated: run.result.truncated,
        executionTimeMs: run.result.executionTimeMs,
        fetchedAt: run.fetchedAt.toISOString(),
        expiresAt,
      });
      request.log.info({ userId: user.id, savedQueryId: query.id, runId: run.runId, expiresAt }, 'snapshot attached');
      return detail(query);
    },
  );

  app.delete<{ Params: IdParams }>(
    '/saved-queries/:id/snapshot',
    { schema: { params: idParams } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const query = findOwned(request.params.id, user, 'remove the result of');
      snapshots.delete(query.id);
      request.log.info({ userId: user.id, savedQueryId: query.id }, 'snapshot removed');
      return reply.code(204).send();
    },
  );
}

function requireTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === '') throw invalidRequest('the title must not be empty');
  return trimmed;
}

function copyTitle(title: string): string {
  return `${title} (copy)`.slice(0, TITLE_MAX);
}
