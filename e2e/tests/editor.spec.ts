import { expect, test, type Page } from '@playwright/test';
import { ADMIN } from '../support/accounts';
import { gridCell, runSql, setSql, signIn } from '../support/console';
import { editorText, expectUnderlineOnLine, expectUnderlineUnder, placeCursor } from '../support/editor';

const suggestions = (page: Page) => page.locator('.monaco-editor .suggest-widget');

/** Clicks Run and returns the SQL text the page sent to `/api/query`. */
async function runAndReadSentSql(page: Page): Promise<string> {
  const request = page.waitForRequest(
    (candidate) => candidate.method() === 'POST' && new URL(candidate.url()).pathname === '/api/query',
  );
  await page.getByTestId('run-button').click();
  const body: unknown = (await request).postDataJSON();
  if (typeof body !== 'object' || body === null || !('sql' in body) || typeof body.sql !== 'string') {
    throw new Error(`The query request had no sql: ${JSON.stringify(body)}`);
  }
  return body.sql;
}

test.beforeEach(async ({ page }) => {
  await signIn(page, ADMIN);
});

test.describe('autocomplete', () => {
  test('offers a column of the table after SELECT', async ({ page }) => {
    await setSql(page, 'SELECT  FROM conversation');
    await placeCursor(page, 1, 8);
    await page.keyboard.press('Control+Space');

    await expect(suggestions(page)).toBeVisible();
    await page.keyboard.type('chan');
    await expect(suggestions(page).locator('.monaco-list-row').first()).toContainText('channel');
    await page.keyboard.press('Tab');
    await expect.poll(() => editorText(page)).toBe('SELECT channel FROM conversation');
  });

  test('Enter starts a new line while suggestions show', async ({ page }) => {
    await setSql(page, 'SELECT * FROM conversation c');
    await placeCursor(page, 1, 29);
    await page.keyboard.press('Control+Space');
    await expect(suggestions(page)).toBeVisible();

    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page)).toBe('SELECT * FROM conversation c\n');
  });

  test('Run closes the suggestion list', async ({ page }) => {
    await setSql(page, 'SELECT 1 AS one FROM conversation LIMIT 1');
    await placeCursor(page, 1, 17);
    await page.keyboard.press('Control+Space');
    await expect(suggestions(page)).toBeVisible();

    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(gridCell(page, 0, 0)).toHaveText('1');
    await expect(suggestions(page)).toBeHidden();
  });

  test('understands a table alias', async ({ page }) => {
    await setSql(page, 'SELECT c. FROM conversation c');
    await placeCursor(page, 1, 10);
    await page.keyboard.press('Control+Space');

    const list = suggestions(page);
    await expect(list).toBeVisible();
    await expect(list.locator('.monaco-list-row').first()).toBeVisible();
    const labels = await list.locator('.monaco-list-row .label-name').allTextContents();
    expect(labels).toContain('id');
    expect(labels).toContain('channel');

    // `message` has token_count; only conversation's total_cost belongs after `c.`.
    await page.keyboard.type('to');
    await expect(list.locator('.monaco-list-row .label-name').first()).toHaveText('total_cost');
    const filtered = await list.locator('.monaco-list-row .label-name').allTextContents();
    expect(filtered).not.toContain('token_count');
  });
});

test.describe('error underline', () => {
  test('DELETE is underlined with what was found', async ({ page }) => {
    await runSql(page, 'DELETE FROM conversation');

    const panel = page.getByTestId('error-panel');
    await expect(panel).toContainText('Only read-only queries can run here.');
    await expect(panel).toContainText(/DELETE.*line 1, column 1/i);
    await expectUnderlineOnLine(page, 1);
  });

  test('second statement is underlined on line 3', async ({ page }) => {
    await setSql(page, 'SELECT 1 AS one\n;\nSELECT 2 AS two');
    await page.keyboard.press('ControlOrMeta+A');
    await runAndReadSentSql(page);

    await expect(page.getByTestId('error-panel')).toContainText(/line 3, column 1/);
    await expectUnderlineOnLine(page, 3);
  });

  test('engine error position is underlined', async ({ page }) => {
    await runSql(page, 'SELECT *\nFROM conversation\nWHERE titel = 1');

    const panel = page.getByTestId('error-panel');
    await expect(panel).toContainText('The SQL engine rejected the query.');
    await expect(panel).toContainText('titel');
    await expectUnderlineOnLine(page, 3);
  });

  test('underline sits under the unknown column', async ({ page }) => {
    const cases = [
      'SELECT titel FROM conversation',
      // The statement under the cursor starts in the middle of the line.
      'SELECT 1 AS one; SELECT titel FROM conversation',
      // Emoji take two UTF-16 code units and may be drawn two columns wide.
      "SELECT '🙂🚀' AS icons, titel FROM conversation",
      "SELECT 'שלום' AS greeting, titel FROM conversation",
    ];
    for (const sql of cases) {
      await runSql(page, sql);
      await expect(page.getByTestId('error-panel')).toContainText('titel');
      await expectUnderlineUnder(page, 'titel');
    }
  });

  test('underline follows the statement to its line', async ({ page }) => {
    await setSql(page, 'SELECT 1 AS one;\nSELECT *\nFROM conversation\nWHERE titel = 1');
    await placeCursor(page, 3, 3);
    expect(await runAndReadSentSql(page)).toBe('SELECT *\nFROM conversation\nWHERE titel = 1');

    await expect(page.getByTestId('error-panel')).toContainText('titel');
    await expectUnderlineOnLine(page, 4);
    await expectUnderlineUnder(page, 'titel');
  });

  test('next run clears the underline', async ({ page }) => {
    await runSql(page, 'DELETE FROM conversation');
    await expectUnderlineOnLine(page, 1);

    await runSql(page, 'SELECT 1 AS fine');
    await expect(gridCell(page, 0, 0)).toHaveText('1');
    await expect(page.getByTestId('sql-editor').locator('.squiggly-error')).toHaveCount(0);
  });
});

test.describe('running part of the text', () => {
  test('runs only the selection', async ({ page }) => {
    await setSql(page, 'SELECT 11 AS picked\nSELECT 22 AS ignored');
    await placeCursor(page, 1, 1);
    await page.keyboard.press('Shift+End');

    expect(await runAndReadSentSql(page)).toBe('SELECT 11 AS picked');
    await expect(gridCell(page, 0, 0)).toHaveText('11');
    await expect(page.getByTestId('row-count')).toHaveText('1 row');
  });

  test('runs the statement under the cursor', async ({ page }) => {
    await setSql(page, 'SELECT 1 AS first_one;\nSELECT 2 AS second_one;');

    await placeCursor(page, 1, 5);
    expect(await runAndReadSentSql(page)).toBe('SELECT 1 AS first_one');
    await expect(gridCell(page, 0, 0)).toHaveText('1');

    await placeCursor(page, 2, 5);
    expect(await runAndReadSentSql(page)).toBe('SELECT 2 AS second_one');
    await expect(gridCell(page, 0, 0)).toHaveText('2');
    await expect(page.getByTestId('results-grid').getByRole('columnheader', { name: /second_one/ })).toBeVisible();
  });
});

test('Format rewrites the SQL and it still runs', async ({ page }) => {
  const compact = 'select id,title from conversation where id>1 order by id limit 3';
  await setSql(page, compact);
  await expect.poll(() => editorText(page)).toBe(compact);

  await page.getByTestId('format-button').click();
  await expect.poll(() => editorText(page)).not.toBe(compact);
  const formatted = await editorText(page);
  expect(formatted.split('\n').length).toBeGreaterThan(3);
  // Only whitespace changes: the words and symbols stay in their order.
  expect(formatted.replace(/\s+/g, '').toLowerCase()).toBe(compact.replace(/\s+/g, '').toLowerCase());

  await page.keyboard.press('ControlOrMeta+A');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('row-count')).toHaveText('3 rows');
});

test('tabs and their text survive a reload', async ({ page }) => {
  await setSql(page, 'SELECT 1 AS in_first_tab');
  await page.getByTestId('new-tab').click();
  await expect(page.getByTestId('editor-tab')).toHaveCount(2);
  await setSql(page, 'SELECT 2 AS in_second_tab');

  await page.reload();
  await expect(page.getByTestId('user-name')).toHaveText(ADMIN.username);
  const tabs = page.getByTestId('editor-tab');
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => editorText(page)).toBe('SELECT 2 AS in_second_tab');

  await tabs.nth(0).click();
  await expect.poll(() => editorText(page)).toBe('SELECT 1 AS in_first_tab');
});

test('shortcuts panel opens and Esc closes it', async ({ page }) => {
  await page.getByTestId('shortcuts-button').click();
  const help = page.getByTestId('shortcuts-help');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Ctrl+Enter');
  await expect(help).toContainText('Ctrl+Space');

  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('Stop frees the page at once', async ({ page }) => {
  // About 10^12 rows: far longer than the SQL API's 30 s limit.
  await runSql(page, 'SELECT count(*) FROM range(1000000) a, range(1000000) b WHERE a.range + b.range = -1');
  const stop = page.getByTestId('stop-button');
  await expect(stop).toBeVisible();
  await expect(page.getByTestId('run-timer')).toBeVisible();
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await page.waitForTimeout(1500);
  await expect(stop).toBeVisible();

  // The SQL API holds this query for its whole 30 s limit, so the page being
  // freed within the 15 s expect timeout shows that Stop did not wait for it.
  await stop.click();
  const panel = page.getByTestId('error-panel');
  await expect(panel).toContainText('Stopped waiting for the answer.');
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await expect(panel).toContainText('may still finish on the server');
  await expect(stop).toBeHidden();

  // Stopping let go of the server as well: the next query is answered at once.
  await runSql(page, 'SELECT 5 AS after_stop');
  await expect(gridCell(page, 0, 0)).toHaveText('5');
});
