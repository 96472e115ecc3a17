// `npm run bench`: installs what is missing, builds, and runs the benchmarks
// (bench/run.mjs) with the arguments given after `--`, e.g. `npm run bench -- --quick`.
import { ensureBuilt, ensureInstalled, pnpm } from './lib/workspace.mjs';

await ensureInstalled();
await ensureBuilt();

try {
  await pnpm(['--filter', './bench', 'exec', 'node', 'run.mjs', ...process.argv.slice(2)]);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
