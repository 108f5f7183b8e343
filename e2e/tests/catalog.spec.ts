import { expect, test } from '@playwright/test';
import path from 'node:path';

const shot = (name: string) =>
  path.join(__dirname, '..', 'artifacts', 'screenshots', `${name}.png`);

test('a guest signs in, finds trading-api in the catalog and sees its relations', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  // Home page of the portal
  await expect(page.getByText('Financial data & AI platform')).toBeVisible();
  await page.screenshot({ path: shot('01-home') });

  // Catalog: the platform's components are there
  await page.goto('/catalog?filters[kind]=component&filters[user]=all');
  const table = page.getByRole('table');
  await expect(table.getByRole('link', { name: 'Collector 1' })).toBeVisible();
  await page.getByPlaceholder('Search').first().fill('trading');
  await expect(table.getByRole('link', { name: 'Trading API' })).toBeVisible();
  await page.screenshot({ path: shot('02-catalog') });

  // trading-api: owner, APIs and its relations graph
  await table.getByRole('link', { name: 'Trading API' }).click();
  await expect(
    page.getByRole('heading', { name: 'Trading API' }),
  ).toBeVisible();
  await expect(page.getByText('Trading REST API').first()).toBeVisible();
  const graph = page
    .locator('svg#dependency-graph, [data-testid="dependency-graph"], svg')
    .filter({
      hasText: 'trading-rest-api',
    });
  await graph.first().scrollIntoViewIfNeeded();
  await expect(graph.first()).toBeVisible();
  await expect(graph.first()).toContainText('trading-team');
  await expect(graph.first()).toContainText('financial-data-platform');
  await page.screenshot({ path: shot('03-trading-api'), fullPage: true });

  // The official Kubernetes tab is on the entity page
  await page.getByRole('link', { name: 'Kubernetes', exact: true }).click();
  await expect(
    page.getByRole('button', { name: /fdp-cluster\s+Cluster/ }),
  ).toBeVisible();
  await page.screenshot({ path: shot('04-trading-api-kubernetes') });
});
