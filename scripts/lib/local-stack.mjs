// Starts the console on this machine: the local SQL API on DuckDB and the BFF
// in front of it, as two child processes. Used by `npm start`, the browser
// tests and the benchmarks, so all three run the same stack the same way.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { root } from './workspace.mjs';

const sqlApiCli = join(root, 'apps/sql-api/dist/cli.js');
const bffServer = join(root, 'apps/bff/dist/server.js');
const usersCli = join(root, 'apps/bff/dist/cli/users.js');

/** Returns a TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function writeSecretFile(path, value) {
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
}

function runCli(args) {
  const result = spawnSync(process.execPath, [sqlApiCli, ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`sql-api ${args[0]} failed (exit code ${result.status}):\n${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/**
 * Creates what the local stack needs under `dataDir` when it is missing: the
 * demo organizations, a service token for the BFF and a session secret.
 * Returns the paths of the two secret files.
 */
export function prepareLocalData(dataDir) {
  const sqlApiDir = join(dataDir, 'sql-api');
  const tokenFile = join(dataDir, 'secrets', 'sql-api-token');
  const sessionSecretFile = join(dataDir, 'secrets', 'session-secret');

  if (!existsSync(join(sqlApiDir, 'orgs', 'demo.duckdb'))) {
    console.log('Creating the demo data (once; it takes a few seconds)...');
    runCli(['demo', '--data-dir', sqlApiDir]);
  }
  if (!existsSync(tokenFile)) {
    mkdirSync(join(tokenFile, '..'), { recursive: true, mode: 0o700 });
    runCli(['token', 'create', '--data-dir', sqlApiDir, '--org', 'demo', '--role', 'service', '--name', 'console', '--out-file', tokenFile]);
  }
  if (!existsSync(sessionSecretFile)) writeSecretFile(sessionSecretFile, randomBytes(32).toString('base64url'));

  return { sqlApiDir, tokenFile, sessionSecretFile };
}

/**
 * Adds a sign-in account to the BFF database under `dataDir` with the users
 * command, which reads the password from standard input. Works while the BFF
 * runs. Rejects with the command's output when it fails.
 */
export function addConsoleUser(dataDir, username, password, role = 'user') {
  return new Promise((resolveAdd, reject) => {
    const child = spawn(process.execPath, [usersCli, 'add', username, '--role', role], {
      cwd: root,
      env: { ...process.env, DATA_DIR: join(dataDir, 'bff') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolveAdd();
      else reject(new Error(`Adding the user ${username} failed (exit code ${code}): ${output.trim()}`));
    });
    child.stdin.end(`${password}\n`);
  });
}

async function waitForHttp(url, child, name, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready.`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolveWait) => setTimeout(resolveWait, 150));
    }
  }
  throw new Error(`${name} did not respond at ${url} within ${timeoutMs / 1000} seconds; its output is above or in the log.`);
}

function startProcess(name, args, env, output) {
  // The IPC channel lets the child notice when this process dies, even by
  // SIGKILL, and stop instead of keeping its port as an orphan.
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  child.channel?.unref();
  const forward = (stream) => (chunk) => {
    if (output === 'inherit') stream.write(chunk);
    else if (typeof output === 'function') output(name, chunk);
  };
  child.stdout.on('data', forward(process.stdout));
  child.stderr.on('data', forward(process.stderr));
  return child;
}

function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the local SQL API and the BFF on 127.0.0.1.
 *
 * options: dataDir, port (BFF), sqlApiPort, env (extra variables for the BFF),
 * sqlApiArgs (extra `serve` flags), output ('inherit' or a function(name, chunk)).
 * Returns { url, sqlApiUrl, tokenFile, stop() }.
 */
export async function startLocalStack(options) {
  const dataDir = options.dataDir;
  const { sqlApiDir, tokenFile, sessionSecretFile } = prepareLocalData(dataDir);
  const sqlApiPort = options.sqlApiPort ?? (await freePort());
  const port = options.port ?? (await freePort());
  const output = options.output ?? 'inherit';
  const sqlApiUrl = `http://127.0.0.1:${sqlApiPort}`;

  const sqlApi = startProcess(
    'sql-api',
    [sqlApiCli, 'serve', '--data-dir', sqlApiDir, '--host', '127.0.0.1', '--port', String(sqlApiPort), ...(options.sqlApiArgs ?? [])],
    { ...process.env, ...(options.sqlApiEnv ?? {}) },
    output,
  );
  try {
    await waitForHttp(sqlApiUrl, sqlApi, 'The local SQL API', 30_000);
  } catch (error) {
    await stopProcess(sqlApi);
    throw error;
  }

  const bffEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: join(dataDir, 'bff'),
    WEB_ROOT: join(root, 'apps/web/dist'),
    SQL_API_BASE_URL: sqlApiUrl,
    SQL_API_ORG_ID: 'demo',
    SQL_API_TOKEN_FILE: tokenFile,
    SESSION_SECRET_FILE: sessionSecretFile,
    // The local stack serves plain http on 127.0.0.1, where the session
    // library does not send a Secure cookie; see the README's security section.
    COOKIE_SECURE: 'false',
    ...(options.env ?? {}),
  };
  delete bffEnv.SQL_API_TOKEN;
  const bff = startProcess('bff', [bffServer], bffEnv, output);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/healthz`, bff, 'The console server', 30_000);
  } catch (error) {
    await Promise.all([stopProcess(bff), stopProcess(sqlApi)]);
    throw error;
  }

  return {
    url,
    sqlApiUrl,
    tokenFile,
    readToken: () => readFileSync(tokenFile, 'utf8').trim(),
    processes: { sqlApi, bff },
    stop: () => Promise.all([stopProcess(bff), stopProcess(sqlApi)]).then(() => undefined),
  };
}
