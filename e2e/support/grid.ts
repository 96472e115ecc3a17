import type { Page } from '@playwright/test';

/**
 * Scrolls the virtualized results grid until the cell at a display row and
 * column (both 0-based) is rendered, then brings it into view. Only cells
 * near the viewport exist in the page, so a cell far away must be scrolled to.
 */
export async function revealCell(page: Page, row: number, column: number): Promise<void> {
  await page.getByTestId('results-grid').evaluate(
    async (grid, target) => {
      const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const direction = (index: number, seen: number[]) => {
        if (seen.length === 0 || index < Math.min(...seen)) return -1;
        return index > Math.max(...seen) ? 1 : 0;
      };
      for (let attempt = 0; attempt < 500; attempt++) {
        const cell = grid.querySelector(`[data-row="${target.row}"][data-col="${target.column}"]`);
        if (cell !== null) {
          cell.scrollIntoView({ block: 'center', inline: 'center' });
          await nextFrame();
          await nextFrame();
          return;
        }
        const rendered = [...grid.querySelectorAll<HTMLElement>('[data-row][data-col]')];
        const dy = direction(target.row, rendered.map((each) => Number(each.dataset['row'])));
        const dx = direction(target.column, rendered.map((each) => Number(each.dataset['col'])));
        grid.scrollBy(dx * grid.clientWidth * 0.7, dy * grid.clientHeight * 0.7);
        await nextFrame();
        await nextFrame();
      }
      throw new Error(`The grid never rendered the cell at row ${target.row}, column ${target.column}.`);
    },
    { row, column },
  );
}
