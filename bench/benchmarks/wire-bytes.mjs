// Bytes on the wire as Chromium received them, against their decoded size:
// the first screen (the sign-in page with its scripts, styles and fonts, no
// cache) and the 1000 x 100 result of a Run.
import { newContext } from '../lib/browser.mjs';
import { reloadConsole, runAndTime } from '../lib/console-page.mjs';
import { figure } from '../lib/figure.mjs';
import { rows1000x100 } from '../lib/queries.mjs';
import { openConsoleWithWideQuery } from '../lib/wide-result.mjs';

const kilobytes = (bytes) => bytes / 1000;

/** Returns the encoded (on the wire) and decoded body bytes of one response, and its content-encoding. */
async function measureResponse(response) {
  const sizes = await response.request().sizes();
  const decoded = (await response.body()).length;
  const headers = await response.allHeaders();
  return { url: new URL(response.url()).pathname, encoded: sizes.responseBodySize, decoded, encoding: headers['content-encoding'] ?? 'none' };
}

async function measureFirstScreen(browser, url) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const responses = [];
    page.on('response', (response) => {
      if (response.status() === 200 && new URL(response.url()).origin === url && response.request().resourceType() !== 'fetch') {
        responses.push(response);
      }
    });
    await page.goto(url);
    await page.getByTestId('signin-username').waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    const measured = [];
    for (const response of [...responses]) measured.push(await measureResponse(response));
    return measured;
  } finally {
    await context.close();
  }
}

async function measureResult(browser, stack) {
  const { context, page } = await openConsoleWithWideQuery(browser, stack);
  try {
    await reloadConsole(page);
    const responseSeen = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/query');
    // Closing the page rejects the wait when the run fails; the run's own error is the one to report.
    responseSeen.catch(() => undefined);
    await runAndTime(page, rows1000x100.sql);
    // Awaited here, so that the body is read before `finally` closes the page.
    return await measureResponse(await responseSeen);
  } finally {
    await context.close();
  }
}

export default {
  name: 'wire-bytes',
  async run(context) {
    const stack = await context.stack();
    const browser = await context.browser();

    const screenEncoded = [];
    const screenDecoded = [];
    const resultEncoded = [];
    const resultDecoded = [];
    let screenFiles = [];
    let resultEncoding = '';
    for (let run = 0; run < context.repeat(3, 1); run += 1) {
      screenFiles = await measureFirstScreen(browser, stack.url);
      screenEncoded.push(kilobytes(screenFiles.reduce((total, file) => total + file.encoded, 0)));
      screenDecoded.push(kilobytes(screenFiles.reduce((total, file) => total + file.decoded, 0)));
      const result = await measureResult(browser, stack);
      resultEncoded.push(kilobytes(result.encoded));
      resultDecoded.push(kilobytes(result.decoded));
      resultEncoding = result.encoding;
    }

    return [
      figure({
        id: 'wire-bytes-result',
        label: 'Bytes on the wire, 1000 x 100 result',
        unit: 'KB',
        samples: resultEncoded,
        reference: { label: 'uncompressed', samples: resultDecoded },
        compare: 'percent',
        target: { on: 'comparison', op: '<=', limit: 25, text: '<= 25%' },
        note: `Response body bytes from Playwright's request.sizes() against the decoded body; content-encoding ${resultEncoding}.`,
      }),
      figure({
        id: 'wire-bytes-first-screen',
        label: 'Bytes on the wire, first screen',
        unit: 'KB',
        samples: screenEncoded,
        reference: { label: 'uncompressed', samples: screenDecoded },
        compare: 'percent',
        target: { on: 'comparison', op: '<=', limit: 25, text: '<= 25%' },
        note: screenFiles.map((file) => `${file.url} ${kilobytes(file.encoded).toFixed(1)}/${kilobytes(file.decoded).toFixed(1)} KB (${file.encoding})`).join(', '),
      }),
    ];
  },
};
