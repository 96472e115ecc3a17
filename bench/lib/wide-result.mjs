import { openConsole, runAndTime, setEditorSql } from './console-page.mjs';
import { queryBff } from './http.mjs';
import { checkShape, rows1000x100 } from './queries.mjs';
import { adminSessionFor } from './session.mjs';

/** Fetches the 1000 x 100 result through the BFF, checks its shape and returns the response body as JSON text. */
export async function fetchWideResultJson(stack) {
  const session = await adminSessionFor(stack);
  const { body } = await queryBff(stack.url, session, rows1000x100.sql);
  checkShape(rows1000x100, body.columns, body.rows);
  return JSON.stringify(body);
}

/**
 * Opens the console with the 1000 x 100 query in the editor and runs it once,
 * so that the BFF has it cached and every timed run gets the same response.
 */
export async function openConsoleWithWideQuery(browser, stack) {
  const opened = await openConsole(browser, stack);
  await setEditorSql(opened.page, rows1000x100.sql);
  await runAndTime(opened.page, rows1000x100.sql);
  return opened;
}
