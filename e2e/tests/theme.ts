import type { Page } from '@playwright/test';

/**
 * Backstage's AppThemeApi keeps the chosen theme's id in localStorage under
 * `theme` (AppThemeSelector.createWithStorage); the app installs the default
 * `light` and `dark` themes. Sets it before every page load of `page`, and
 * reloads the current page if one is already open, so that the next
 * screenshot is taken in that theme.
 */
export async function useTheme(page: Page, theme: 'light' | 'dark') {
  await page.addInitScript(
    id => window.localStorage.setItem('theme', id),
    theme,
  );
  if (page.url().startsWith('http')) {
    await page.evaluate(id => window.localStorage.setItem('theme', id), theme);
    await page.reload();
  }
}
