import type { Page } from '@playwright/test';

/**
 * Elements (the page itself, a table's scroll container) that are wider than
 * their box, i.e. that scroll horizontally: their tag and class, with the
 * overflow in pixels. Empty when everything fits.
 */
export async function horizontalOverflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      found.push(`page by ${root.scrollWidth - root.clientWidth}px`);
    }
    for (const el of Array.from(document.querySelectorAll('main *'))) {
      const style = window.getComputedStyle(el);
      if (
        ['auto', 'scroll'].includes(style.overflowX) &&
        el.scrollWidth > el.clientWidth + 1
      ) {
        found.push(
          `${el.tagName.toLowerCase()}.${el.className} by ${
            el.scrollWidth - el.clientWidth
          }px`,
        );
      }
    }
    return found;
  });
}
