import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import {
  internalError,
  invalidRequest,
  payloadTooLarge,
  routeNotFound,
  SqlApiError,
  unsupportedMediaType,
} from './errors.js';
import { resolveOptions, type ResolvedOptions, type SqlApiOptions } from './options.js';
import { OrgDatabases } from './org-databases.js';
import { registerQueryRoute } from './query-route.js';
import { RollingRateLimiter } from './rate-limiter.js';
import { StatementClassifier } from './statement-classifier.js';
import { TokenLookup } from './token-store.js';

const BODY_LIMIT_BYTES = 1_048_576;

export interface RunningSqlApi {
  /** Base URL, such as http://127.0.0.1:8090, without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the SQL API and resolves once it is listening.
 * NOTE: DuckDB sessions take their time zone from the process's TZ, which
 * only matters for casts of TIMESTAMPTZ; the CLI pins TZ to UTC, callers of
 * this function get whatever TZ their process has.
 */
export async function startSqlApi(options: SqlApiOptions): Promise<RunningSqlApi> {
  const resolved = resolveOptions(options);
  const databases = new OrgDatabases(resolved.dataDir);
  const classifier = await StatementClassifier.create();
  const shutdown = new AbortController();
  const app = buildApp(resolved, databases, classifier, shutdown.signal);

  try {
    await app.listen({ host: resolved.host, port: resolved.port });
  } catch (error) {
    classifier.close();
    throw error;
  }

  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : resolved.port;
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${host}:${port}`,
    close: () => {
      closing ??= (async () => {
        shutdown.abort();
        await app.close();
        await databases.closeAll();
        classifier.close();
      })();
      return closing;
    },
  };
}

function buildApp(
  options: ResolvedOptions,
  databases: OrgDatabases,
  classifier: StatementClassifier,
  shutdownSignal: AbortSignal,
): FastifyInstance {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: options.logStream
      ? { level: 'info', stream: options.logStream, redact: ['req.headers.authorization'] }
      : false,
    // One line per request, below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });

  app.addHook('onResponse', (request, reply, done) => {
    // Fastify's serializers turn `req` into method, URL, host and client address, and `res` into the status.
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    done();
  });

  // The contract takes JSON only; Fastify would otherwise pass text/plain
  // bodies through as strings.
  app.removeContentTypeParser('text/plain');

  registerQueryRoute(app, {
    tokens: new TokenLookup(options.dataDir),
    rateLimiter: new RollingRateLimiter(options.rateLimitPerMinute),
    databases,
    classifier,
    maxRows: options.maxRows,
    timeoutMs: options.timeoutMs,
    shutdownSignal,
  });

  // A kept-alive connection would hold app.close() open until it times out,
  // so replies sent while stopping close their connection.
  app.addHook('onSend', async (_request, reply) => {
    if (shutdownSignal.aborted) void reply.header('connection', 'close');
  });

  app.setNotFoundHandler((request, reply) => {
    const error = routeNotFound(request.method, request.url.split('?')[0] ?? request.url);
    void reply.code(error.statusCode).send(error.toBody());
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const apiError = toSqlApiError(error, request.headers['content-type']);
    if (apiError.code === 'internal_error') {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code: apiError.code, statusCode: apiError.statusCode }, 'request rejected');
    }
    void reply.code(apiError.statusCode).send(apiError.toBody());
  });

  return app;
}

function toSqlApiError(error: FastifyError, contentType: string | undefined): SqlApiError {
  if (error instanceof SqlApiError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType(contentType);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return payloadTooLarge(BODY_LIMIT_BYTES);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalidRequest('the body is empty');
    default:
      if (error.statusCode === 400) return invalidRequest(`the body is not valid JSON (${error.message})`);
      return internalError();
  }
}
