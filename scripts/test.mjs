// `npm test`: installs what is missing, builds, and runs every test suite:
// unit and integration tests (Vitest) per package, the browser tests
// (Playwright in Debian's Chromium) and the benchmark's quick mode.
// Every suite runs even when an earlier one fails; the exit code is non-zero
// when any failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ensureInstalled, pnpm, root } from './lib/workspace.mjs';

const chromiumPath = '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(chromiumPath)) return true;
  if (process.getuid?.() !== 0) {
    console.error(`The browser tests need Debian's Chromium at ${chromiumPath}. Install it with: sudo apt-get install -y chromium`);
    return false;
  }
  console.log('Installing Debian\'s chromium package for the browser tests...');
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' });
  const install = update.status === 0
    ? spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    : update;
  return install.status === 0 && existsSync(chromiumPath);
}

function readCounts(file, kind) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (kind === 'vitest') {
    return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0, skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) };
  }
  const stats = report.stats ?? {};
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0), skipped: stats.skipped ?? 0 };
}

await ensureInstalled();
await ensureBuilt();

const reports = mkdtempSync(join(tmpdir(), 'console-test-'));
const results = [];

async function suite(name, kind, reportFile, runSuite) {
  console.log(`\n=== ${name} ===`);
  let error = null;
  try {
    await runSuite();
  } catch (caught) {
    error = caught;
  }
  const counts = readCounts(reportFile, kind);
  results.push({ name, error, counts });
}

for (const pkg of ['apps/sql-api', 'apps/bff', 'apps/web']) {
  const reportFile = join(reports, `${pkg.replace('/', '-')}.json`);
  await suite(pkg, 'vitest', reportFile, () =>
    pnpm(['--filter', `./${pkg}`, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`]),
  );
}

const e2eReport = join(reports, 'e2e.json');
if (ensureChromium()) {
  await suite('e2e (Chromium)', 'playwright', e2eReport, () =>
    pnpm(['--filter', './e2e', 'exec', 'playwright', 'test', '--reporter=list,json'], {
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
    }),
  );
} else {
  results.push({ name: 'e2e (Chromium)', error: new Error('Chromium is missing'), counts: null });
}

if (existsSync(join(root, 'bench', 'run.mjs'))) {
  await suite('bench --quick', 'none', '', () => pnpm(['--filter', './bench', 'exec', 'node', 'run.mjs', '--quick']));
}

rmSync(reports, { recursive: true, force: true });

let passed = 0;
let failed = 0;
let skipped = 0;
console.log('\n=== Summary ===');
for (const result of results) {
  const counts = result.counts ?? { passed: 0, failed: 0, skipped: 0 };
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  // A suite that failed without a failing test (a crash, a build error) still counts as one failure.
  if (result.error && counts.failed === 0) failed += 1;
  const status = result.error ? `FAILED (${result.error.message})` : 'ok';
  console.log(`${result.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped: ${status}`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
