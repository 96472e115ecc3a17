// Helpers shared by the root scripts. They use only Node.js built-ins, because
// they run before the workspace's own dependencies are installed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The pnpm version pinned in package.json's `packageManager` field. */
export function pnpmVersion() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const match = /^pnpm@(\d+\.\d+\.\d+)$/.exec(manifest.packageManager ?? '');
  if (!match) throw new Error('package.json must pin "packageManager": "pnpm@<version>".');
  return match[1];
}

/** Runs a command with inherited output; rejects when it exits non-zero. */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} failed with ${signal ?? `exit code ${code}`}.`));
    });
  });
}

/** Runs pnpm at the pinned version through npx, so a machine with only Node.js and npm works. */
export function pnpm(args, options = {}) {
  return run('npx', ['--yes', `pnpm@${pnpmVersion()}`, ...args], options);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Installs the workspace's dependencies when node_modules is missing or older than the lockfile. */
export async function ensureInstalled() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lockfile = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs) return;

  console.log('Installing dependencies with pnpm (the first time takes a few minutes: better-sqlite3 compiles from source)...');
  await pnpm(['install', '--frozen-lockfile']);
}

// Each package is rebuilt when a file of its own, or of a package it imports, is newer than its build.
const builds = [
  { dir: 'packages/shared-types', output: 'dist/index.js', inputs: ['src', 'package.json', 'tsconfig.json'] },
  { dir: 'apps/sql-api', output: 'dist/cli.js', inputs: ['src', 'package.json', 'tsconfig.json'] },
  { dir: 'apps/bff', output: 'dist/server.js', inputs: ['src', 'package.json', 'tsconfig.json'], after: ['packages/shared-types'] },
  {
    dir: 'apps/web',
    output: 'dist/index.html',
    inputs: ['src', 'index.html', 'package.json', 'tsconfig.json', 'vite.config.ts', 'public'],
    after: ['packages/shared-types'],
  },
];

function isStale(build) {
  const outputPath = join(root, build.dir, build.output);
  if (!existsSync(outputPath)) return true;
  const builtAt = statSync(outputPath).mtimeMs;
  const inputs = [
    ...build.inputs.map((input) => join(root, build.dir, input)),
    ...(build.after ?? []).map((dir) => join(root, dir, 'src')),
    join(root, 'pnpm-lock.yaml'),
  ];
  return inputs.some((input) => newestMtime(input) > builtAt);
}

/** Builds every package whose build is missing or out of date, dependencies first. */
export async function ensureBuilt({ force = false } = {}) {
  for (const build of builds) {
    if (!force && !isStale(build)) continue;
    console.log(`Building ${build.dir}...`);
    await pnpm(['--filter', `./${build.dir}`, 'run', 'build']);
  }
}
