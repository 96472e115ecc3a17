import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import session from '@fastify/session';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { createRequestGuard } from './auth/request-guard.js';
import { SqliteSessionStore } from './auth/session-store.js';
import { DEFAULT_THROTTLE_LIMITS, SignInThrottle, type ThrottleLimits } from './auth/sign-in-throttle.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase, type Db } from './db/database.js';
import { createQueryLogRepo } from './db/query-log-repo.js';
import { createSavedQueriesRepo } from './db/saved-queries-repo.js';
import { createSessionsRepo } from './db/sessions-repo.js';
import { createSnapshotsRepo } from './db/snapshots-repo.js';
import { createUsersRepo } from './db/users-repo.js';
import { createDefaultQueryService } from './default-query-service.js';
import { notFound, registerSecret } from './errors.js';
import { installErrorHandler } from './http/error-handler.js';
import { registerJsonBodyParser } from './http/json-body.js';
import { registerRequestLog } from './http/request-log.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerWebApp } from './http/web-app.js';
import { startHousekeeping } from './housekeeping.js';
import { createLogger } from './logger.js';
import type { QueryService } from './query/query-service.js';
import { healthRoutes } from './routes/health-routes.js';
import { logRoutes } from './routes/log-routes.js';
import { queryRoutes } from './routes/query-routes.js';
import { savedQueryRoutes } from './routes/saved-query-routes.js';
import { schemaRoutes } from './routes/schema-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { createSchemaCatalog } from './schema/schema-catalog.js';

export interface AppOptions {
  /** Replaces the query service built from the configuration. */
  queryService?: QueryService;
  /** An open database; by default `<dataDir>/console.sqlite` is opened. Closed with the app either way. */
  db?: Db;
  /** Time source of sessions, sign-in throttling and snapshots; the query service keeps real time. */
  clock?: Clock;
  /** Destination of the log lines; standard output by default. */
  logDestination?: DestinationStream;
  throttleLimits?: ThrottleLimits;
}

const DYNAMIC_BROTLI_QUALITY = 1;
/** Responses up to this size are compressed in one call; a 1000 x 100 result is about 1.4 MB. */
const SYNC_COMPRESS_MAX_BYTES = 16 * 1024 * 1024;

/** The smallest request body limit; SQL text limits above it raise it. */
const MIN_BODY_LIMIT_BYTES = 256 * 1024;

/** Builds the BFF: the HTTP API under /api, /healthz and the web app. */
export async function buildApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  registerSecret(config.sqlApi.token);
  registerSecret(config.session.secret);

  const clock = options.clock ?? systemClock;
  const bodyLimit = Math.max(MIN_BODY_LIMIT_BYTES, config.maxSqlBytes + 64 * 1024);
  const app = Fastify({
    loggerInstance: createLogger(config.logLevel, options.logDestination),
    trustProxy: trustProxySetting(config.trustProxy),
    bodyLimit,
    // One line per request instead, from registerRequestLog.
    logController: new LogController({ disableRequestLogging: true }),
    // Bodies must have the declared types; "123" is not a boolean.
    ajv: { customOptions: { coerceTypes: false } },
  });

  const db = options.db ?? openDatabase(config.dataDir);
  const users = createUsersRepo(db, clock);
  const queryLog = createQueryLogRepo(db);
  const savedQueries = createSavedQueriesRepo(db, clock);
  const snapshots = createSnapshotsRepo(db, clock);
  const sessionStore = new SqliteSessionStore(createSessionsRepo(db), config.session, clock);
  const throttle = new SignInThrottle(options.throttleLimits ?? DEFAULT_THROTTLE_LIMITS, clock);

  let queryService = options.queryService;
  if (queryService === undefined) {
    const built = createDefaultQueryService(config, queryLog, app.log);
    queryService = built.queryService;
    app.addHook('onClose', async () => built.client.close());
  }

  const stopHousekeeping = startHousekeeping({ snapshots, sessionStore, throttle, log: app.log });
  app.addHook('onClose', async () => {
    stopHousekeeping();
    db.close();
  });

  app.decorateRequest('user', null);
  registerRequestLog(app);
  installErrorHandler(app, bodyLimit);
  registerJsonBodyParser(app);
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    // Query results are compressed on every response; static files come precompressed.
    // On a 1000 x 100 result quality 1 takes about a quarter of the time of the plugin's
    // default 4 and sends 13.7% of the bytes instead of 11.4%.
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY } },
    // A result is compressed in one call on the event loop. Through a stream, in 16 KB
    // steps on the thread pool, a 1000 x 20 result took 3.9 ms of CPU time instead of 1.8 ms.
    syncThreshold: SYNC_COMPRESS_MAX_BYTES,
  });
  registerSecurityHeaders(app);
  await healthRoutes(app, db);

  const cookieName = config.session.cookieSecure ? '__Host-console_session' : 'console_session';
  const readyQueryService = queryService;
  await app.register(
    async (api) => {
      // Sessions are read only under /api, so static files cost no database work.
      await api.register(cookie);
      await api.register(session, {
        secret: config.session.secret,
        cookieName,
        cookie: {
          path: '/',
          httpOnly: true,
          secure: config.session.cookieSecure,
          sameSite: 'strict',
          maxAge: config.session.idleMs,
        },
        store: sessionStore,
        saveUninitialized: false,
        rolling: true,
      });
      // API replies carry CSRF tokens, results and audit rows, so no cache may keep them.
      api.addHook('onRequest', (_request, reply, done) => {
        void reply.header('cache-control', 'no-store');
        done();
      });
      api.addHook('onRequest', createRequestGuard(users));
      api.setNotFoundHandler(async () => {
        throw notFound('This API route');
      });

      await sessionRoutes(api, { users, throttle, clock, cookieName, cookieSecure: config.session.cookieSecure });
      await queryRoutes(api, readyQueryService);
      await schemaRoutes(api, createSchemaCatalog(readyQueryService, clock, app.log));
      await savedQueryRoutes(api, {
        savedQueries,
        snapshots,
        queryService: readyQueryService,
        clock,
        maxSqlBytes: config.maxSqlBytes,
        snapshotTtlMs: config.snapshotTtlMs,
      });
      await logRoutes(api, queryLog);
    },
    { prefix: '/api' },
  );

  await registerWebApp(app, config.webRoot);
  return app;
}

/** Fastify takes a number of trusted proxy hops as a function of the hop index. */
function trustProxySetting(setting: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}
