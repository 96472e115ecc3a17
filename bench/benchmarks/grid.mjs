// The results grid with 1000 x 100 cells in Chromium at 1280 x 720. It times
// the response's last byte to the first painted cell against a plain table of
// the same data, then takes the longest main-thread task while scrolling end
// to end, the DOM size and the JS heap. Each timed run starts from a freshly
// loaded page.
import { reloadConsole, runAndTime } from '../lib/console-page.mjs';
import { newContext } from '../lib/browser.mjs';
import { figure } from '../lib/figure.mjs';
import { armProbe, probeScript, readProbe } from '../lib/page-probe.mjs';
import { startPlainTableServer } from '../lib/plain-table-server.mjs';
import { rows1000x100 } from '../lib/queries.mjs';
import { median } from '../lib/stats.mjs';
import { scrollEndToEnd } from '../lib/scroll.mjs';
import { longestRendererTask, taskCategories } from '../lib/trace.mjs';
import { fetchWideResultJson, openConsoleWithWideQuery } from '../lib/wide-result.mjs';

const gridSelector = '[data-testid=results-grid]';

/** Returns the page's used JS heap in MB after a garbage collection, read over CDP. */
async function usedHeapMegabytes(page) {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('Performance.enable');
    const { metrics } = await session.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize');
    if (!used) throw new Error('Performance.getMetrics returned no JSHeapUsedSize.');
    return used.value / 1024 / 1024;
  } finally {
    await session.detach();
  }
}

async function timePlainTable(page, url) {
  await page.goto(url);
  await armProbe(page, 'td');
  const rendered = await page.evaluate(() => window.renderTable());
  if (rendered !== 1000) throw new Error(`The plain table rendered ${rendered} rows instead of 1000.`);
  const reading = await readProbe(page, '/data.json');
  return reading.cellPaintedAt - reading.responseEnd;
}

async function countElements(page) {
  return page.evaluate((selector) => ({
    grid: document.querySelectorAll(`${selector} *`).length,
    page: document.querySelectorAll('*').length,
  }), gridSelector);
}

export default {
  name: 'grid',
  async run(context) {
    const stack = await context.stack();
    const browser = await context.browser();
    const tableServer = await startPlainTableServer(await fetchWideResultJson(stack));
    const consolePage = await openConsoleWithWideQuery(browser, stack);
    const tableContext = await newContext(browser);
    await tableContext.addInitScript(probeScript);
    const tablePage = await tableContext.newPage();

    try {
      const gridTimes = [];
      const gridScriptTimes = [];
      const appMarkTimes = [];
      const tableTimes = [];
      for (let run = 0; run < context.repeat(7, 1); run += 1) {
        await reloadConsole(consolePage.page);
        const reading = await runAndTime(consolePage.page, rows1000x100.sql);
        gridTimes.push(reading.cellPaintedAt - reading.responseEnd);
        gridScriptTimes.push(reading.cellInsertedAt - reading.responseEnd);
        if (reading.appMark !== null) appMarkTimes.push(reading.appMark - reading.responseEnd);
        tableTimes.push(await timePlainTable(tablePage, tableServer.url));
      }

      const elements = await countElements(consolePage.page);
      const gridHeap = await usedHeapMegabytes(consolePage.page);
      const tableHeap = await usedHeapMegabytes(tablePage);
      await tableContext.close();

      // Scroll passes each start from a fresh page showing a fresh grid.
      const longestTasks = [];
      const longestCpuTasks = [];
      let heaviestInLongest = [];
      const stepPixels = context.quick ? 1000 : 100;
      let steps = 0;
      let observedLongTasks = 0;
      for (let pass = 0; pass < context.repeat(3, 1); pass += 1) {
        if (pass > 0) {
          await reloadConsole(consolePage.page);
          await runAndTime(consolePage.page, rows1000x100.sql);
        }
        // Armed with no cell selector, the probe only collects long tasks.
        await armProbe(consolePage.page, null);
        await browser.startTracing(consolePage.page, { categories: taskCategories });
        steps = await scrollEndToEnd(consolePage.page, gridSelector, stepPixels);
        const trace = await browser.stopTracing();
        const longest = longestRendererTask(trace);
        if (longestTasks.every((ms) => longest.longestMs > ms)) heaviestInLongest = longest.heaviest;
        longestTasks.push(longest.longestMs);
        longestCpuTasks.push(longest.longestCpuMs);
        observedLongTasks += await consolePage.page.evaluate(() => window.__benchProbe.longTasks.length);
      }

      return [
        figure({
          id: 'grid-first-paint',
          label: 'Grid: rows received to first paint, 1000 x 100',
          unit: 'ms',
          samples: gridTimes,
          reference: { label: 'plain <table>', samples: tableTimes },
          compare: 'speedup',
          target: { on: 'comparison', op: '>=', limit: 10, text: '>= 10x faster' },
          note: `From the responseEnd of the result request to the task after the frame that shows the first cell; of that, ${median(gridScriptTimes).toFixed(1)} ms (median) until the first cell was in the DOM (JSON parsing and rendering), the rest layout and paint. The console's own grid-first-cell mark came ${appMarkTimes.length > 0 ? `${median(appMarkTimes).toFixed(1)} ms` : 'never'} after responseEnd. The plain table renders every cell with DOM calls.`,
        }),
        figure({
          id: 'grid-scroll-longest-task',
          label: 'Grid: longest main-thread task, scrolling 1000 x 100 end to end',
          unit: 'ms',
          samples: longestTasks,
          target: { on: 'value', op: '<', limit: 50, text: '< 50 ms' },
          note: `Longest RunTask of the renderer's main thread in a Chromium trace, ${steps} wheel steps of ${stepPixels} px per pass, down then right; long tasks (>= 50 ms) seen by PerformanceObserver: ${observedLongTasks}. Inside the longest: ${heaviestInLongest.join(', ')}.`,
        }),
        figure({
          id: 'grid-scroll-longest-task-cpu',
          label: 'Grid: the same, in thread CPU time (no waiting for a core)',
          unit: 'ms',
          samples: longestCpuTasks,
          note: 'The longest RunTask by its thread CPU time (tdur) in the same traces. On a busy machine it shows the grid\'s own work where the wall-clock figure also counts waiting for a core.',
        }),
        figure({
          id: 'grid-dom-elements',
          label: 'Grid: DOM elements inside the grid, 1000 x 100 at 1280x720',
          unit: '',
          samples: [elements.grid],
          target: { on: 'value', op: '<=', limit: 600, text: '<= 600' },
        }),
        figure({
          id: 'page-dom-elements',
          label: 'Grid: DOM elements in the whole page',
          unit: '',
          samples: [elements.page],
          target: { on: 'value', op: '<', limit: 1400, text: '< 1,400' },
        }),
        figure({
          id: 'grid-js-heap',
          label: 'Grid: JS heap used with 1000 x 100 shown',
          unit: 'MB',
          samples: [gridHeap],
          reference: { label: 'plain <table> page', samples: [tableHeap] },
          compare: 'ratio',
          note: 'JSHeapUsedSize from CDP Performance.getMetrics after a forced garbage collection; the console page also holds Monaco.',
        }),
      ];
    } finally {
      await consolePage.context.close();
      await tableContext.close().catch(() => undefined);
      await tableServer.close();
    }
  },
};
