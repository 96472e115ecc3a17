import type { FastifyInstance } from 'fastify';

/**
 * Parses JSON bodies with Fastify's own parser, which rejects `__proto__` and
 * `constructor` keys, but reads an empty body as no body. Clients that send
 * `Content-Type: application/json` on every call, also on a DELETE without a
 * body, are then not rejected.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
