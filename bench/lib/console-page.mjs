// Drives the real console in Chromium: sign in through the form, put SQL in
// the Monaco editor, click Run and time the result's first painted cell.
import { newContext } from './browser.mjs';
import { armProbe, probeScript, readProbe } from './page-probe.mjs';

export const gridCellSelector = '[data-testid=results-grid] [role=gridcell]';

/** Waits until the console shows its Run button and a mounted Monaco editor. */
export async function waitForEditor(page) {
  await page.getByTestId('run-button').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('[data-testid=sql-editor] .monaco-editor').first().waitFor({ state: 'visible', timeout: 60_000 });
}

/** Fills the sign-in form as the demo admin and waits for the console's editor. */
export async function signInThroughForm(page, stack) {
  await page.getByTestId('signin-username').fill(stack.admin.username);
  await page.getByTestId('signin-password').fill(stack.admin.password);
  await page.getByTestId('signin-submit').click();
  await waitForEditor(page);
}

/**
 * Opens a fresh browser context with the probe, signs in through the form and
 * waits for the editor. `beforeNavigate(context, page)` can attach listeners first.
 */
export async function openConsole(browser, stack, { beforeNavigate } = {}) {
  const context = await newContext(browser);
  await context.addInitScript(probeScript);
  const page = await context.newPage();
  if (beforeNavigate) await beforeNavigate(context, page);
  await page.goto(stack.url);
  await signInThroughForm(page, stack);
  return { context, page };
}

/** Replaces the editor's text; the tabs are kept in localStorage, so a reload keeps it too. */
export async function setEditorSql(page, sql) {
  await page.locator('[data-testid=sql-editor] .monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
}

/**
 * Clicks Run, checks that the console sent `sql`, and waits for the first
 * grid cell to paint. Returns the probe's readings (page times in ms). The
 * page must show no grid yet, or the probe would time the old result's cells.
 */
export async function runAndTime(page, sql) {
  if ((await page.locator(gridCellSelector).count()) > 0) {
    throw new Error('runAndTime needs a console without a result grid: reload the page before each timed run.');
  }
  await armProbe(page, gridCellSelector);
  const requestSeen = page.waitForRequest((request) => new URL(request.url()).pathname === '/api/query' && request.method() === 'POST');
  // Closing the page rejects the wait when the click fails; the click's own error is the one to report.
  requestSeen.catch(() => undefined);
  await page.getByTestId('run-button').click();
  const request = await requestSeen;
  const sent = JSON.parse(request.postData() ?? '{}').sql;
  if (sent !== sql) {
    throw new Error(`The console sent different SQL from the benchmark's (the editor may have changed the text): ${JSON.stringify(String(sent).slice(0, 200))}`);
  }
  const reading = await readProbe(page, '/api/query');
  if (reading.responseEnd === null) throw new Error('No resource timing entry for /api/query was found in the page.');
  return reading;
}

/**
 * Reloads the page, so the next result is the first one the grid shows. Then
 * waits for the editor, the network and the main thread to settle, so that a
 * timed run does not compete with the page's own start-up work.
 */
export async function reloadConsole(page) {
  await page.reload();
  await waitForEditor(page);
  await waitForIdle(page);
}

/** Waits until no request has been in flight for 500 ms and the main thread has had an idle period. */
export async function waitForIdle(page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolveIdle) => requestIdleCallback(() => resolveIdle(), { timeout: 2000 })));
}
