// Run click to the first painted grid cell for the 1000 x 100 result, against
// the same BFF call made with fetch from the same page and its JSON parsed.
// The result is in the BFF's cache for both, so the difference is the
// console's own work: request, state, grid render and paint.
import { reloadConsole, runAndTime, waitForIdle } from '../lib/console-page.mjs';
import { figure } from '../lib/figure.mjs';
import { rows1000x100 } from '../lib/queries.mjs';
import { openConsoleWithWideQuery } from '../lib/wide-result.mjs';

/** Sends the query the way the console does, from inside the page, and returns the ms until its JSON is parsed. */
function fetchFromPage(page, sql) {
  return page.evaluate(async (text) => {
    const session = await (await fetch('/api/session')).json();
    const started = performance.now();
    const response = await fetch('/api/query', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ sql: text }),
    });
    const body = await response.json();
    const elapsed = performance.now() - started;
    if (!response.ok || !Array.isArray(body.rows)) throw new Error(`The reference fetch got HTTP ${response.status}.`);
    return elapsed;
  }, sql);
}

export default {
  name: 'run-to-first-cell',
  async run(context) {
    const stack = await context.stack();
    const browser = await context.browser();
    const { context: browserContext, page } = await openConsoleWithWideQuery(browser, stack);

    try {
      const clickToCell = [];
      const fetchTimes = [];
      for (let run = 0; run < context.repeat(15, 2); run += 1) {
        // Both are timed on a freshly loaded, idle page, in alternating order,
        // because the first of the two finds the heap emptier than the second.
        await reloadConsole(page);
        if (run % 2 === 1) {
          fetchTimes.push(await fetchFromPage(page, rows1000x100.sql));
          await waitForIdle(page);
        }
        const reading = await runAndTime(page, rows1000x100.sql);
        if (reading.runClickAt === null) throw new Error('The probe saw no click on the Run button.');
        clickToCell.push(reading.cellPaintedAt - reading.runClickAt);
        if (run % 2 === 0) {
          await waitForIdle(page);
          fetchTimes.push(await fetchFromPage(page, rows1000x100.sql));
        }
      }

      return [
        figure({
          id: 'run-to-first-cell',
          label: 'Run click to first grid cell, 1000 x 100, p50',
          unit: 'ms',
          samples: clickToCell,
          reference: { label: 'fetch + JSON.parse in the page', samples: fetchTimes },
          compare: 'difference',
          target: { on: 'comparison', op: '<=', limit: 50, text: 'at most 50 ms more' },
          note: 'Each run reloads the page and waits for it to idle; the click time is the click event\'s timeStamp, the paint time the task after the frame that shows the first cell.',
        }),
      ];
    } finally {
      await browserContext.close();
    }
  },
};
