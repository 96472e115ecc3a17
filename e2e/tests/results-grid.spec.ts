import { expect, test, type Page } from '@playwright/test';
import { ADMIN } from '../support/accounts';
import { gridCell, signIn } from '../support/console';
import { revealCell } from '../support/grid';
import { readCsvDownload } from '../support/csv-file';
import { cellAt, cellText, columnIndex, readQueryResult, rowIndex, runSqlForBody } from '../support/query-result';
import { parseRawJson, type RawJson } from '../support/raw-json';
import { parse } from 'csv-parse/sync';
import { wideMessageQuery } from '../support/wide-query';

const TRICKY_SQL = 'SELECT * FROM tricky_values ORDER BY 1';

/** Values close together above 2^53, where doubles would tie, and digit counts where text order is wrong. */
const BIGINT_SQL = `SELECT CAST(v AS BIGINT) AS big FROM (VALUES
  ('9007199254740997'), ('9007199254740993'), (NULL), ('100'), ('9223372036854775807'),
  ('9007199254740995'), ('-9223372036854775808'), ('99')) AS t(v)`;

/** Texts of the rendered cells of one column, in display order. */
async function columnTexts(page: Page, column: number): Promise<string[]> {
  const cells = page.getByTestId('results-grid').locator(`[data-col="${column}"][data-row]`);
  const entries = await cells.evaluateAll((elements) =>
    elements.map((element) => ({ row: Number((element as HTMLElement).dataset['row']), text: element.textContent ?? '' })),
  );
  return entries.sort((a, b) => a.row - b.row).map((entry) => entry.text);
}

/** Sorts 64-bit integer texts with BigInt, NULL last in both directions. */
function sortedBigints(values: (string | null)[], direction: 'asc' | 'desc'): string[] {
  const present = values.filter((value): value is string => value !== null);
  present.sort((a, b) => {
    const difference = BigInt(a) - BigInt(b);
    if (difference === 0n) return 0;
    const ascending = difference < 0n ? -1 : 1;
    return direction === 'asc' ? ascending : -ascending;
  });
  return [...present, ...values.filter((value) => value === null).map(() => 'NULL')];
}

/** Indents JSON text by two spaces from its tokens, so numbers keep every digit. */
function indentRaw(node: RawJson, depth = 0): string {
  const inner = '  '.repeat(depth + 1);
  const outer = '  '.repeat(depth);
  if (node.kind === 'array') return `[\n${node.items.map((item) => inner + indentRaw(item, depth + 1)).join(',\n')}\n${outer}]`;
  if (node.kind === 'object') {
    const members = [...node.entries].map(([key, value]) => `${inner}${JSON.stringify(key)}: ${indentRaw(value, depth + 1)}`);
    return `{\n${members.join(',\n')}\n${outer}}`;
  }
  return node.text;
}

/**
 * Parses tab-separated clipboard text with a real parser. Every field is text
 * and NULL copies as ''. A quote inside an unquoted field is literal, as in
 * spreadsheets' own copies, so nested JSON values read back as written.
 */
function parseTsv(text: string): string[][] {
  return parse(text, { delimiter: '\t', record_delimiter: '\r\n', relax_quotes: true }) as string[][];
}

test.beforeEach(async ({ page }) => {
  await signIn(page, ADMIN);
});

test('BIGINT column sorts digit-exact', async ({ page }) => {
  const result = readQueryResult(await runSqlForBody(page, BIGINT_SQL));
  const values = result.rows.map((_, row) => cellText(cellAt(result, row, 0)));
  expect(result.columns[0]?.type).toBe('BIGINT');
  await expect(gridCell(page, 7, 0)).toBeVisible();

  const sortButton = page.getByTestId('results-grid').getByRole('button', { name: /^big/ });
  await sortButton.click();
  await expect(page.getByTestId('results-grid').getByRole('columnheader', { name: /big/ })).toHaveAttribute('aria-sort', 'ascending');
  expect(await columnTexts(page, 0)).toEqual(sortedBigints(values, 'asc'));

  await sortButton.click();
  await expect(page.getByTestId('results-grid').getByRole('columnheader', { name: /big/ })).toHaveAttribute('aria-sort', 'descending');
  expect(await columnTexts(page, 0)).toEqual(sortedBigints(values, 'desc'));
});

test('NULL and empty string look different', async ({ page }) => {
  const result = readQueryResult(await runSqlForBody(page, TRICKY_SQL));
  const column = columnIndex(result, 'empty_or_null');
  const nullCell = gridCell(page, rowIndex(result, 'null'), column);
  const emptyCell = gridCell(page, rowIndex(result, 'empty_string'), column);
  await revealCell(page, rowIndex(result, 'empty_string'), column);

  await expect(nullCell).toHaveText('NULL');
  await expect(nullCell).toHaveClass(/tag-null/);
  await expect(emptyCell).toHaveText('');
  await expect(emptyCell).not.toHaveClass(/tag-null/);
  // The empty string shows a mark of its own, so it does not look like a missing cell either.
  const mark = await emptyCell.evaluate((element) => getComputedStyle(element, '::before').content);
  expect(mark).not.toBe('none');
  expect(mark).not.toBe('""');
  await expect(emptyCell).toHaveAttribute('title', 'Empty string');
  await expect(nullCell).not.toHaveAttribute('title');
});

test('numbers are right-aligned and text is not', async ({ page }) => {
  const result = readQueryResult(await runSqlForBody(page, TRICKY_SQL));
  const align = async (column: string) => {
    await revealCell(page, 0, columnIndex(result, column));
    return gridCell(page, 0, columnIndex(result, column)).evaluate((element) => getComputedStyle(element).textAlign);
  };

  expect(await align('id')).toBe('right');
  expect(await align('signed_id')).toBe('right');
  expect(await align('amount')).toBe('right');
  expect(await align('score')).toBe('right');
  expect(['left', 'start']).toContain(await align('text_value'));
});

test('cell viewer shows long text in full', async ({ page }) => {
  const result = readQueryResult(await runSqlForBody(page, TRICKY_SQL));
  const row = rowIndex(result, 'long_text');
  const column = columnIndex(result, 'text_value');
  const full = cellText(cellAt(result, row, column));
  expect(full?.split('\n')).toHaveLength(60);

  await revealCell(page, row, column);
  await gridCell(page, row, column).click();
  const value = page.getByTestId('cell-viewer-value');
  await expect(page.getByTestId('cell-viewer')).toBeVisible();
  expect(await value.textContent()).toBe(full);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cell-viewer')).toBeHidden();
});

test('cell viewer pretty-prints JSON', async ({ page }) => {
  const document = '{"id":9007199254740993,"tags":["a, b","c"],"owner":{"name":"Ada","active":true}}';
  const result = readQueryResult(await runSqlForBody(page, `SELECT '${document}' AS doc, {'plan': 'team', 'seats': 5} AS settings`));

  await gridCell(page, 0, 0).click();
  const value = page.getByTestId('cell-viewer-value');
  const text = await value.textContent();
  expect(text).toBe(indentRaw(parseRawJson(document)));
  expect(text).toContain('9007199254740993');

  await gridCell(page, 0, 1).click();
  await expect(value).toHaveText(indentRaw(cellAt(result, 0, 1)), { useInnerText: true });
});

test.describe('copy', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

  test('cell and row copy as tab-separated text', async ({ page }) => {
    const result = readQueryResult(await runSqlForBody(page, TRICKY_SQL));
    const row = rowIndex(result, 'tab_and_carriage_return');
    const column = columnIndex(result, 'text_value');

    await revealCell(page, row, column);
    await gridCell(page, row, column).click();
    await page.getByTestId('cell-viewer-copy').click();
    await expect(page.getByTestId('cell-viewer')).toContainText('Value copied.');
    expect(await clipboard(page)).toBe(cellText(cellAt(result, row, column)));

    await page.getByTestId('cell-viewer-copy-row').click();
    await expect(page.getByTestId('cell-viewer')).toContainText('Row copied.');
    const copied = parseTsv(await clipboard(page));
    expect(copied).toEqual([result.rows[row]?.map((cell) => cellText(cell) ?? '')]);
  });

  test('keyboard selection copies a block with NULL as empty', async ({ page }) => {
    const result = readQueryResult(await runSqlForBody(page, TRICKY_SQL));
    const nullRow = rowIndex(result, 'null');
    const textColumn = columnIndex(result, 'text_value');

    await revealCell(page, nullRow + 1, textColumn + 1);
    await gridCell(page, nullRow, textColumn).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('results-grid').focus();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ControlOrMeta+C');

    await expect.poll(() => clipboard(page)).not.toBe('');
    const expected = [nullRow, nullRow + 1].map((row) =>
      [textColumn, textColumn + 1].map((column) => cellText(cellAt(result, row, column)) ?? ''),
    );
    expect(parseTsv(await clipboard(page))).toEqual(expected);
  });
});

test.describe('time zone switch', () => {
  // India has no daylight saving time, so the offset is always +05:30.
  test.use({ timezoneId: 'Asia/Kolkata' });

  test('local time changes display, not CSV', async ({ page }) => {
    const result = readQueryResult(await runSqlForBody(page, TRICKY_SQL));
    const row = rowIndex(result, 'timestamp_microseconds');
    const column = columnIndex(result, 'happened_at');
    const sent = cellText(cellAt(result, row, column));
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})\.(\d{6})Z$/.exec(sent ?? '');
    expect(match, `happened_at as sent: ${sent}`).not.toBeNull();
    if (match === null) return;
    const [, day, time, micros] = match;

    await revealCell(page, row, column);
    const header = page.getByTestId('results-grid').getByRole('columnheader', { name: /happened_at/ });
    await expect(header).toContainText('UTC');
    await expect(gridCell(page, row, column)).toHaveText(`${day} ${time}.${micros}`);

    await page.getByTestId('timezone-switch').getByLabel('Local').check();
    await expect(header).toContainText('local');
    const local = new Date(Date.parse(`${day}T${time}Z`) + 330 * 60_000).toISOString();
    await expect(gridCell(page, row, column)).toHaveText(`${local.slice(0, 10)} ${local.slice(11, 19)}.${micros} +05:30`);

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    const csv = await readCsvDownload(file);
    expect(csv.records[row + 1]?.[column]).toBe(sent);
  });
});

test('1000 x 100 grid stays small and scrolls', async ({ page }) => {
  const result = readQueryResult(await runSqlForBody(page, wideMessageQuery(100, 1000)));
  const grid = page.getByTestId('results-grid');
  await expect(gridCell(page, 0, 0)).toBeVisible();
  const countElements = () => grid.evaluate((element) => element.querySelectorAll('*').length);
  const atStart = await countElements();
  expect(atStart, `${atStart} elements in the grid`).toBeLessThan(600);

  await grid.evaluate((element) => element.scrollTo(element.scrollWidth, element.scrollHeight));
  const last = gridCell(page, 999, 99);
  await expect(last).toBeInViewport();
  const lastCell = cellAt(result, 999, 99);
  await expect(last).toHaveText(cellText(lastCell) ?? 'NULL');
  await expect(grid.getByRole('columnheader', { name: /c99_feedback/ })).toBeInViewport();
  const lastRowNumber = grid.locator('.grid-gutter[data-row-header="999"]');
  await expect(lastRowNumber).toHaveText('1000');
  await expect(lastRowNumber).toBeInViewport();
  const atEnd = await countElements();
  expect(atEnd, `${atEnd} elements in the grid`).toBeLessThan(600);
});
