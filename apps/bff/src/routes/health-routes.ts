import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';

/** `GET /healthz`: 200 while the server runs and its database responds. */
export async function healthRoutes(app: FastifyInstance, db: Db): Promise<void> {
  app.get('/healthz', async () => {
    db.prepare('SELECT 1').get();
    return { status: 'ok' };
  });
}
