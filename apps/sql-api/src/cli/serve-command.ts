import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateDemoData } from '../demo/generate-demo.js';
import { startSqlApi } from '../server.js';
import { flagOrEnv, parseNumber, requireDataDir, type CliIo } from './cli-io.js';

/** Serves until SIGINT or SIGTERM, then resolves after the server has closed. */
export async function serveCommand(args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'rate-limit': { type: 'string' },
      'max-rows': { type: 'string' },
      'timeout-seconds': { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
    strict: true,
  });

  const dataDir = requireDataDir(flagOrEnv(values['data-dir'], io, 'SQL_API_DATA_DIR'));
  const timeoutSeconds = parseNumber('--timeout-seconds', flagOrEnv(values['timeout-seconds'], io, 'SQL_API_TIMEOUT_SECONDS'));

  if (values.demo) {
    const report = await generateDemoData(dataDir);
    if (report.created.length > 0) io.err(`generated demo organizations: ${report.created.join(', ')}`);
  }

  // Log lines go to standard error from the thread pool, so a request does not
  // wait for each line's write call as it would with process.stderr on a file or pipe.
  const logStream = createWriteStream('', { fd: 2, autoClose: false });
  const server = await startSqlApi({
    dataDir,
    host: flagOrEnv(values.host, io, 'SQL_API_HOST'),
    port: parseNumber('--port', flagOrEnv(values.port, io, 'SQL_API_PORT')),
    rateLimitPerMinute: parseNumber('--rate-limit', flagOrEnv(values['rate-limit'], io, 'SQL_API_RATE_LIMIT')),
    maxRows: parseNumber('--max-rows', flagOrEnv(values['max-rows'], io, 'SQL_API_MAX_ROWS')),
    timeoutMs: timeoutSeconds === undefined ? undefined : Math.round(timeoutSeconds * 1000),
    logStream,
  });
  io.out(`SQL API listening on ${server.url}`);

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.err(`received ${signal}, stopping`);
      server.close().then(resolve, (error: unknown) => {
        io.err(`failed to stop cleanly: ${String(error)}`);
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);

    // Started by the local stack launcher with an IPC channel: stop when that
    // parent exits, even by SIGKILL, so no orphan keeps the port.
    if (process.send !== undefined) {
      process.channel?.unref();
      process.on('disconnect', () => stop('SIGTERM'));
    }
  });
  await new Promise<void>((resolve) => logStream.end(resolve));
  io.err('SQL API stopped');
}
