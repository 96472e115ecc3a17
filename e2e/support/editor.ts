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
  // Home moves to the first character that is not a space, and a second press to column 1.
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

/** Returns the screen box of the first place `word` is drawn in the editor, measured on its characters alone. */
async function wordBox(page: Page, word: string): Promise<{ x: number; y: number; height: number } | null> {
  return page.getByTestId('sql-editor').locator('.monaco-editor .view-lines').evaluate((lines, target) => {
    const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replaceAll('\u00a0', ' ');
      const at = text.search(new RegExp(`\\b${target}\\b`));
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      const box = range.getBoundingClientRect();
      return { x: box.x, y: box.y, height: box.height };
    }
    return null;
  }, word);
}

/** Checks that the error underline starts under the first character of `word` in the editor. */
export async function expectUnderlineUnder(page: Page, word: string): Promise<void> {
  const underline = page.getByTestId('sql-editor').locator('.monaco-editor .squiggly-error').first();
  await expect(underline).toBeVisible();
  const underlineBox = await underline.boundingBox();
  const box = await wordBox(page, word);
  expect(underlineBox, 'the underline has a position').not.toBeNull();
  expect(box, `${word} is drawn in the editor`).not.toBeNull();
  if (underlineBox === null || box === null) return;
  expect(Math.abs(underlineBox.x - box.x), `underline at x=${underlineBox.x}, ${word} at x=${box.x}`).toBeLessThan(2);
  expect(Math.abs(underlineBox.y - box.y)).toBeLessThan(box.height);
}
