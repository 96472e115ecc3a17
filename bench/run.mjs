// Runs the console's benchmarks against the local stack, prints a table of
// every figure next to its same-run reference and target, and writes the
// figures as JSON under bench/results/. Usage: node run.mjs [--quick] [--only a,b]
// `--quick` runs each benchmark with tiny repetition counts, so that `npm test`
// can check that they all still run. Its figures are too noisy to quote.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './lib/browser.mjs';
import { failedFigure } from './lib/figure.mjs';
import { resultsDir } from './lib/paths.mjs';
import { startBenchStack } from './lib/stack.mjs';
import { formatMarkdown, formatNotes, formatTable } from './lib/table.mjs';
import { describeMachine } from './lib/versions.mjs';

// The order puts the benchmarks that need no servers first.
const benchmarkNames = ['bundle-size', 'csv', 'sql-api-vs-duckdb', 'bff-latency', 'bff-throughput', 'wire-bytes', 'grid', 'run-to-first-cell'];

const usage = `Usage: node run.mjs [--quick] [--only NAME[,NAME...]]
  --quick   run every benchmark with tiny repetition counts (a smoke test; figures are noisy)
  --only    run only these benchmarks: ${benchmarkNames.join(', ')}`;

function parseOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, help: { type: 'boolean', default: false } },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
  if (parsed.values.help) {
    console.log(usage);
    process.exit(0);
  }
  const only = parsed.values.only?.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = (only ?? []).filter((name) => !benchmarkNames.includes(name));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark ${unknown.join(', ')}.\n${usage}`);
    process.exit(2);
  }
  return { quick: parsed.values.quick, names: only ?? benchmarkNames };
}

/** Starts a shared resource on first use and remembers how to stop it. */
function lazy(start, stop) {
  let promise = null;
  return {
    get: () => (promise ??= start()),
    async stop() {
      if (!promise) return;
      const resource = await promise.catch(() => null);
      if (resource) await stop(resource);
    },
  };
}

const options = parseOptions();
const startedAt = new Date();
const loadAtStart = loadavg();
const description = await describeMachine();
const stack = lazy(startBenchStack, (running) => running.stop());
const browser = lazy(async () => {
  const launched = await launchBrowser();
  description.versions.chromium = launched.version();
  return launched;
}, (launched) => launched.close());

const context = {
  quick: options.quick,
  /** Returns the repetition count for the current mode. */
  repeat: (full, quick) => (options.quick ? quick : full),
  stack: stack.get,
  browser: browser.get,
  log: (message) => console.log(`  ${message}`),
};

let stopping = false;
async function stopAll() {
  if (stopping) return;
  stopping = true;
  await browser.stop();
  await stack.stop();
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll().finally(() => process.exit(130));
  });
}

console.log(`Benchmarks${options.quick ? ' (quick mode: tiny repetition counts, figures are noisy)' : ''} on ${description.machine.cpuCount} CPUs, Node.js ${process.version}`);
const figures = [];
let failures = 0;
for (const name of options.names) {
  console.log(`\n> ${name}`);
  const started = performance.now();
  try {
    const { default: benchmark } = await import(`./benchmarks/${name}.mjs`);
    figures.push(...(await benchmark.run(context)));
  } catch (error) {
    failures += 1;
    console.error(`  ${name} could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    figures.push(failedFigure(name, error));
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
await stopAll();

const table = formatTable(figures);
const notes = formatNotes(figures);
console.log(`\n${table}\n${notes ? `\n${notes}\n` : ''}`);
const misses = figures.filter((figure) => figure.target && !figure.target.pass).length;
console.log(`${figures.length} figures, ${misses} missed their target, ${failures} benchmark(s) could not run.`);
// The load average shows how much else ran on the machine, which widens every spread.
const loadAtEnd = loadavg();
console.log(`Load average (1 min) at start ${loadAtStart[0].toFixed(2)}, at end ${loadAtEnd[0].toFixed(2)}, on ${description.machine.cpuCount} CPUs.`);

const result = {
  mode: options.quick ? 'quick' : 'full',
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  ...description,
  loadAverage: { start: loadAtStart, end: loadAtEnd },
  figures,
};
mkdirSync(resultsDir, { recursive: true });
const stamp = startedAt.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
const resultPath = join(resultsDir, `${result.mode}-${stamp}.json`);
writeFileSync(resultPath, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(resultsDir, `latest-${result.mode}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(resultsDir, `latest-${result.mode}.md`), `${formatMarkdown(figures)}\n${notes ? `\n${notes}\n` : ''}`);
console.log(`Figures written to ${resultPath}`);

// Missed targets do not fail the run: the table reports them. Only a benchmark that could not run does.
process.exit(failures > 0 ? 1 : 0);
