// `npm start`: installs what is missing, builds, creates the demo data and
// serves the console. Without SQL_API_BASE_URL it starts the local SQL API on
// DuckDB and points the BFF at it with a generated service token.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, ensureInstalled, root } from './lib/workspace.mjs';
import { prepareLocalData, startLocalStack } from './lib/local-stack.mjs';
import { createTerminalOutput } from './lib/terminal-output.mjs';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a whole number from 1 to 65535, got ${JSON.stringify(process.env.PORT)}.`);
  process.exit(1);
}

await ensureInstalled();
await ensureBuilt();

const dataDir = process.env.CONSOLE_DATA_DIR ?? join(root, 'data');
const host = process.env.HOST ?? '127.0.0.1';
let stop;

if (process.env.SQL_API_BASE_URL) {
  // A real SQL API is configured: run only the BFF, with the caller's settings.
  const { sessionSecretFile } = prepareLocalData(dataDir);
  const env = {
    ...process.env,
    HOST: host,
    PORT: String(port),
    DATA_DIR: process.env.DATA_DIR ?? join(dataDir, 'bff'),
    WEB_ROOT: process.env.WEB_ROOT ?? join(root, 'apps/web/dist'),
  };
  if (!env.SESSION_SECRET && !env.SESSION_SECRET_FILE) env.SESSION_SECRET_FILE = sessionSecretFile;
  // Served over plain http here, like the local stack, unless the caller says
  // otherwise; behind a TLS proxy set COOKIE_SECURE=true and TRUST_PROXY.
  env.COOKIE_SECURE ??= 'false';
  const bff = spawn(process.execPath, [join(root, 'apps/bff/dist/server.js')], { cwd: root, env, stdio: 'inherit' });
  bff.on('exit', (code) => process.exit(code ?? 1));
  stop = () => bff.kill('SIGTERM');
} else {
  const stack = await startLocalStack({
    dataDir,
    port,
    sqlApiPort: Number(process.env.SQL_API_PORT ?? 8090),
    env: { HOST: host },
    output: createTerminalOutput(join(dataDir, 'logs', 'console.log')),
  });
  console.log(`\nThe console is running at ${stack.url} (local SQL API at ${stack.sqlApiUrl}, demo data).`);
  console.log('Sign in as "demo": the password is CONSOLE_DEMO_PASSWORD, or the one printed above on the first start.');
  console.log('Add or reset users with: node apps/bff/dist/cli/users.js --help.');
  console.log(`Request logs go to ${join(dataDir, 'logs', 'console.log')}. Press Ctrl+C to stop.\n`);
  for (const child of Object.values(stack.processes)) {
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) {
        console.error(`A console process exited with code ${code}; stopping.`);
        stack.stop().then(() => process.exit(1));
      }
    });
  }
  stop = () => stack.stop().then(() => process.exit(0));
}

let stopping = false;
const stopOnce = () => {
  if (stopping) return;
  stopping = true;
  stop();
};
process.on('SIGINT', stopOnce);
process.on('SIGTERM', stopOnce);

// npm passes neither its SIGINT nor its SIGTERM on to this process, so a
// stopped npm left the servers running here: stop once the parent is gone.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) stopOnce();
}, 1000).unref();
