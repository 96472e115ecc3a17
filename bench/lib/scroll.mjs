/**
 * Scrolls an element end to end with the mouse wheel, down then right, one
 * wheel step per frame, and returns how many steps it took.
 */
export async function scrollEndToEnd(page, selector, stepPixels) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible, so it cannot be scrolled.`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

  const atEnd = (axis) =>
    page.$eval(
      selector,
      (element, direction) => {
        // One frame passes between steps, as it would for a person's wheel.
        return new Promise((resolveFrame) =>
          requestAnimationFrame(() =>
            resolveFrame(
              direction === 'down'
                ? element.scrollTop + element.clientHeight >= element.scrollHeight - 1
                : element.scrollLeft + element.clientWidth >= element.scrollWidth - 1,
            ),
          ),
        );
      },
      axis,
    );

  let steps = 0;
  const maxSteps = 5000;
  for (const axis of ['down', 'right']) {
    while (!(await atEnd(axis))) {
      if (steps >= maxSteps) throw new Error(`${selector} did not reach its end after ${maxSteps} wheel steps.`);
      await page.mouse.wheel(axis === 'right' ? stepPixels : 0, axis === 'down' ? stepPixels : 0);
      steps += 1;
    }
  }
  return steps;
}
