// A script added to every benchmark page before the page's own scripts. It
// records long tasks, the Run click, and the first paint of a results cell,
// the same way on the console and on the plain-table reference page. A
// MutationObserver detects the first cell's insertion. The paint time is when
// the task posted from the next requestAnimationFrame callback runs, which is
// after that frame.

function probe() {
  const state = {
    longTasks: [],
    cellSelector: null,
    cellInsertedAt: null,
    cellPaintedAt: null,
    runClickAt: null,
  };
  window.__benchProbe = state;

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // An engine without long task timing leaves the list empty; the trace still has every task.
  }

  const observer = new MutationObserver(() => {
    if (state.cellSelector === null || state.cellInsertedAt !== null) return;
    if (document.querySelector(state.cellSelector) === null) return;
    state.cellInsertedAt = performance.now();
    requestAnimationFrame(() =>
      setTimeout(() => {
        state.cellPaintedAt = performance.now();
      }, 0),
    );
  });
  const start = () => observer.observe(document.documentElement, { childList: true, subtree: true });
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });

  document.addEventListener(
    'click',
    (event) => {
      const target = event.target;
      if (target instanceof Element && target.closest('[data-testid=run-button]')) state.runClickAt = event.timeStamp;
    },
    { capture: true },
  );
}

/** The probe as the source text for `page.addInitScript`. */
export const probeScript = `(${probe.toString()})();`;

/**
 * Arms the probe in the page: the next element matching `cellSelector` that
 * appears is timed. Call it before the action that shows a new result.
 */
export function armProbe(page, cellSelector) {
  return page.evaluate((selector) => {
    const state = window.__benchProbe;
    state.cellSelector = selector;
    state.cellInsertedAt = null;
    state.cellPaintedAt = null;
    state.runClickAt = null;
    state.longTasks.length = 0;
    performance.clearResourceTimings();
  }, cellSelector);
}

/**
 * Waits until the armed cell has painted and returns the probe's readings, the
 * last response end of `resourcePath`, and the console's own `grid-first-cell`
 * performance mark when the page set one (null otherwise).
 */
export async function readProbe(page, resourcePath, timeoutMs = 60_000) {
  await page.waitForFunction(() => window.__benchProbe.cellPaintedAt !== null, null, { timeout: timeoutMs });
  return page.evaluate((path) => {
    const state = window.__benchProbe;
    const entries = performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname === path);
    const last = entries[entries.length - 1];
    const marks = performance.getEntriesByName('grid-first-cell', 'mark');
    return {
      appMark: marks.length > 0 ? marks[marks.length - 1].startTime : null,
      cellInsertedAt: state.cellInsertedAt,
      cellPaintedAt: state.cellPaintedAt,
      runClickAt: state.runClickAt,
      responseEnd: last ? last.responseEnd : null,
      longTasks: [...state.longTasks],
    };
  }, resourcePath);
}
