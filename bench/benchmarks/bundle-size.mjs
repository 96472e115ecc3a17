// Download sizes, gzip-compressed at level 9. The first screen's JavaScript is
// index.html's scripts and their static imports, and Monaco must not be among
// them. After sign-in the page loads the console's chunk (ConsolePage and the
// grid), then the editor's chunks as the editor mounts, as observed in
// Chromium: the editor figure is every script loaded after sign-in but the
// console's chunk, which has a figure of its own. KB here is 1000 bytes.
import { join } from 'node:path';
import { newContext } from '../lib/browser.mjs';
import { signInThroughForm } from '../lib/console-page.mjs';
import { builtWorkers, firstScreenFiles, gzipBytes, readDistFile } from '../lib/dist-files.mjs';
import { figure } from '../lib/figure.mjs';
import { webDist } from '../lib/paths.mjs';
import { requireBuilt } from '../lib/require-built.mjs';

const sum = (values) => values.reduce((total, value) => total + value, 0);
const kilobytes = (bytes) => bytes / 1000;
const describeFiles = (files) => files.map((file) => `${file} ${kilobytes(gzipBytes(file)).toFixed(1)} KB`).join(', ');

/** Returns the same-origin asset paths the page requested while the editor mounted, and the workers it started. */
async function observeEditorMount(context, stack) {
  const browser = await context.browser();
  const browserContext = await newContext(browser);
  const requested = new Map();
  const workers = new Set();
  browserContext.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === stack.url && url.pathname.startsWith('/assets/')) requested.set(url.pathname, request.resourceType());
  });
  try {
    const page = await browserContext.newPage();
    page.on('worker', (worker) => workers.add(new URL(worker.url()).pathname));
    await page.goto(stack.url);
    await page.getByTestId('signin-username').waitFor({ state: 'visible' });
    const signInAssets = new Set(requested.keys());
    await signInThroughForm(page, stack);
    await page.waitForLoadState('networkidle');
    return { signInAssets, requested, workers };
  } finally {
    await browserContext.close();
  }
}

export default {
  name: 'bundle-size',
  async run(context) {
    requireBuilt(join(webDist, 'index.html'));
    const firstScreen = firstScreenFiles();
    const firstScreenJs = sum(firstScreen.scripts.map(gzipBytes));
    const monacoInFirstScreen = firstScreen.scripts.filter((file) => readDistFile(file).includes('MonacoEnvironment'));
    if (monacoInFirstScreen.length > 0) context.log(`Monaco is in the first screen's JavaScript: ${monacoInFirstScreen.join(', ')}`);

    const stack = await context.stack();
    const mount = await observeEditorMount(context, stack);
    const unexpected = [...mount.signInAssets].filter((file) => !firstScreen.scripts.includes(file) && !firstScreen.styles.includes(file));
    const firstScreenSet = new Set([...firstScreen.scripts, ...firstScreen.styles]);
    const editorAssets = [...new Set([...mount.requested.keys(), ...mount.workers])].filter((file) => !firstScreenSet.has(file));
    const afterSignInJs = editorAssets.filter((file) => file.endsWith('.js'));
    // Vite names a lazy chunk after its entry module, src/app/ConsolePage.tsx.
    const consoleJs = afterSignInJs.filter((file) => /\/ConsolePage-[^/]*\.js$/.test(file));
    const editorJs = afterSignInJs.filter((file) => !consoleJs.includes(file));
    const editorOther = editorAssets.filter((file) => !file.endsWith('.js'));
    const workerFiles = builtWorkers(editorJs.filter((file) => !mount.workers.has(file)));

    return [
      figure({
        id: 'first-screen-js',
        label: 'First screen: JavaScript before the editor (gzip)',
        unit: 'KB',
        samples: [kilobytes(firstScreenJs)],
        target: { on: 'value', op: '<=', limit: 150, text: '<= 150 KB' },
        note:
          `${describeFiles(firstScreen.scripts)}. Monaco in it: ${monacoInFirstScreen.length > 0 ? 'yes' : 'no'}.` +
          (unexpected.length > 0 ? ` The sign-in page also loaded ${unexpected.join(', ')}.` : ''),
      }),
      figure({
        id: 'editor-js',
        label: 'Editor chunk: all of Monaco (gzip)',
        unit: 'KB',
        samples: [kilobytes(sum(editorJs.map(gzipBytes)))],
        target: { on: 'value', op: '<=', limit: 800, text: '<= 800 KB' },
        note: `JavaScript: ${describeFiles(editorJs)}. Also loaded, not counted: ${describeFiles(editorOther) || 'nothing'}.`,
      }),
      figure({
        id: 'console-js',
        label: 'Console chunk after sign-in, without the editor (gzip)',
        unit: 'KB',
        samples: [kilobytes(sum(consoleJs.map(gzipBytes)))],
        note: `JavaScript: ${describeFiles(consoleJs) || 'none found: the console is in the first screen'}. Loaded while the user types on the sign-in page.`,
      }),
      figure({
        id: 'editor-workers',
        label: 'Editor: web worker scripts in the build',
        unit: '',
        samples: [workerFiles.length],
        target: { on: 'value', op: '<=', limit: 1, text: 'one worker only' },
        note: `Built: ${describeFiles(workerFiles) || 'none'}, loaded when Monaco first needs it. Started while the editor mounted: ${[...mount.workers].join(', ') || 'none'}.`,
      }),
    ];
  },
};
