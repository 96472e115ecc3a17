import { expect, type Locator, type Page } from '@playwright/test';

/** Returns the editor's text as shown. Monaco draws spaces as no-break spaces and renders only the visible lines. */
export async function editorText(page: Page): Promise<string> {
  const lines = page.getByTestId('sql-editor').locator('.monaco-editor .view-line');
  // Lines are positioned by their `top` style, not by their order in the document.
  const placed = await lines.evaluateAll((elements) =>
    elements.map((element) => ({
      top: Number.parseFloat((element as HTMLElement).style.top || '0'),
      text: (element.textContent ?? '').replaceAll('\u00a0', ' '),
    })),
  );
  return placed
    .sort((a, b) => a.top - b.top)
    .map((line) => line.text)
    .join('\n');
}

/** Moves the cursor to a 1-based line and column with the keyboard, as a user would. */
export async function placeCursor(page: Page, line: number, column: number): Promise<void> {
  // Escape closes a suggestion list, and the top left corner is never under one.
  await page.keyboard.press('Escape');
  await page.getByTestId('sql-editor').locator('.monaco-editor .view-lines').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('ControlOrMeta+Home');
  for (let step = 1; step < line; step++) await page.keyboard.press('ArrowDown');
  // Home goes to the first character that is not a space on the second press, so move from column 1.
  await page.keyboard.press('Home');
  await page.keyboard.press('Home');
  for (let step = 1; step < column; step++) await page.keyboard.press('ArrowRight');
}

/** Returns the line number element of a 1-based editor line. */
function lineNumber(page: Page, line: number): Locator {
  return page
    .getByTestId('sql-editor')
    .locator('.monaco-editor .margin-view-overlays .line-numbers')
    .filter({ hasText: new RegExp(`^${line}$`) });
}

/** Waits for an error underline and checks that it sits on the given 1-based line. */
export async function expectUnderlineOnLine(page: Page, line: number): Promise<void> {
  const underline = page.getByTestId('sql-editor').locator('.monaco-editor .squiggly-error');
  await expect(underline.first()).toBeVisible();
  const underlineBox = await underline.first().boundingBox();
  const lineBox = await lineNumber(page, line).boundingBox();
  expect(underlineBox, 'the underline has a position').not.toBeNull();
  expect(lineBox, `line ${line} is visible`).not.toBeNull();
  if (underlineBox === null || lineBox === null) return;
  const middle = underlineBox.y + underlineBox.height / 2;
  expect(middle).toBeGreaterThanOrEqual(lineBox.y);
  expect(middle).toBeLessThanOrEqual(lineBox.y + lineBox.height);
}
