import type { FastifyBaseLogger } from 'fastify';
import { pino, type DestinationStream } from 'pino';
import type { LogLevel } from './config.js';
import { redactSecrets } from './errors.js';

/**
 * Paths removed from every log line. Fastify's request serializer logs no
 * headers today; the header paths are here so that a later serializer change
 * cannot start logging cookies or credentials.
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'password',
  '*.password',
  '*.*.password',
  'token',
  '*.token',
  'csrfToken',
  '*.csrfToken',
  'secret',
  '*.secret',
];

/**
 * Creates the one logger of the BFF: pino JSON lines with the fields first.
 * Secrets are removed here and nowhere else, by path for known fields and by
 * value for the SQL API token and the session secret (see `registerSecret`),
 * so a token inside an error message or a cause is replaced as well.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): FastifyBaseLogger {
  const options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: { streamWrite: redactSecrets },
  };
  // Standard output is written from the thread pool, so a request does not wait for
  // each line's write call. Pino writes any lines still queued when the process exits.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
