// Reads Chromium traces taken with Playwright's browser.startTracing.

/** Trace categories that record every task the renderer's main thread runs. */
export const taskCategories = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

/**
 * Returns the longest task, in ms, on any renderer main thread (CrRendererMain)
 * of the trace, and how many tasks it saw. Only one page should be busy while tracing.
 */
export function longestRendererTask(traceBuffer) {
  const { traceEvents } = JSON.parse(traceBuffer.toString('utf8'));
  const mainThreads = new Set(
    traceEvents
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  let longestMs = 0;
  let tasks = 0;
  for (const event of traceEvents) {
    if (event.name !== 'RunTask' || event.ph !== 'X' || !mainThreads.has(`${event.pid}:${event.tid}`)) continue;
    tasks += 1;
    longestMs = Math.max(longestMs, (event.dur ?? 0) / 1000);
  }
  if (tasks === 0) throw new Error('The trace has no RunTask events on a renderer main thread; the trace categories may have changed in this Chromium.');
  return { longestMs, tasks };
}
