import type { FastifyInstance } from 'fastify';
import type { SchemaResponse } from '@console/shared-types';
import type { SchemaCatalog } from '../schema/schema-catalog.js';
import { requireUser } from './query-routes.js';

const schemaQuerySchema = {
  querystring: {
    type: 'object',
    properties: { refresh: { type: 'string', enum: ['0', '1', 'true', 'false'] } },
  },
} as const;

/** `GET /api/schema[?refresh=1]`: tables and columns for autocomplete and the schema browser. */
export async function schemaRoutes(app: FastifyInstance, catalog: SchemaCatalog): Promise<void> {
  app.get<{ Querystring: { refresh?: string } }>(
    '/schema',
    { schema: schemaQuerySchema },
    async (request): Promise<SchemaResponse> => {
      const refresh = request.query.refresh === '1' || request.query.refresh === 'true';
      return catalog.get(requireUser(request.user), refresh);
    },
  );
}
