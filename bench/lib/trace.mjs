// Reads Chromium traces taken with Playwright's browser.startTracing.

/** Trace categories that record every task the renderer's main thread runs. */
export const taskCategories = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'];

/**
 * Returns the longest task, in ms of wall time, on any renderer main thread
 * (CrRendererMain) of the trace, and how many tasks it saw. It also returns the
 * events that took longest inside that task, as "name ms" strings, and the
 * longest task in thread CPU time, which excludes the time the thread waited
 * for a core. Only one page should be busy while tracing.
 */
export function longestRendererTask(traceBuffer) {
  const { traceEvents } = JSON.parse(traceBuffer.toString('utf8'));
  const mainThreads = new Set(
    traceEvents
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const onMainThread = (event) => event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`);

  let longest = null;
  let longestCpuMs = 0;
  let tasks = 0;
  for (const event of traceEvents) {
    if (event.name !== 'RunTask' || !onMainThread(event)) continue;
    tasks += 1;
    if (longest === null || (event.dur ?? 0) > (longest.dur ?? 0)) longest = event;
    longestCpuMs = Math.max(longestCpuMs, (event.tdur ?? 0) / 1000);
  }
  if (longest === null) throw new Error('The trace has no RunTask events on a renderer main thread; the trace categories may have changed in this Chromium.');

  // Nested events overlap, so these durations do not add up to the task's.
  const inside = new Map();
  for (const event of traceEvents) {
    if (event === longest || !onMainThread(event) || event.pid !== longest.pid || event.tid !== longest.tid) continue;
    // Task wrappers nested in the task repeat its duration and do not show its cause.
    if (event.name.endsWith('RunTask')) continue;
    if (event.ts < longest.ts || event.ts + (event.dur ?? 0) > longest.ts + longest.dur) continue;
    inside.set(event.name, (inside.get(event.name) ?? 0) + (event.dur ?? 0) / 1000);
  }
  const heaviest = [...inside.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`);

  return { longestMs: longest.dur / 1000, longestCpuMs, tasks, heaviest };
}
