import { expect, Page, test } from '@playwright/test';
import path from 'node:path';
import { useTheme } from './theme';

const shot = (name: string) =>
  path.join(__dirname, '..', 'artifacts', 'screenshots', `${name}.png`);

async function signIn(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Enter' }).click();
}

// The guest is devops in the development sign-in: it may open and change
// incidents. The incident is opened now, so its P1 clocks start from the
// wall clock (the simulator's time does not matter here).
test('an incident is opened, moved through the procedure with live SLA clocks, and gets its post-mortem', async ({
  page,
}) => {
  const title = `e2e: trading-api answers 503 (${Date.now()})`;
  // the catalog holds the components to pick (ingested at start-up)
  await signIn(page, '/catalog?filters[kind]=component&filters[user]=all');
  await expect(page.getByRole('link', { name: 'Trading API' })).toBeVisible({
    timeout: 60_000,
  });
  await page.goto('/incidents');
  await expect(page.getByRole('tab', { name: 'On call' })).toBeVisible();

  // Create, for trading-api, at the default (most severe) level
  await page.getByRole('button', { name: 'New incident' }).first().click();
  const dialog = page.getByRole('dialog');
  // a title is required
  await expect(
    dialog.getByRole('button', { name: 'Open incident' }),
  ).toBeDisabled();
  await dialog.getByLabel(/^Title/).fill(title);
  await dialog.getByLabel('Affected component').fill('trading');
  await page.getByRole('option', { name: 'Trading API' }).click();
  await page.screenshot({ path: shot('40-incidents-create'), fullPage: true });
  await dialog.getByRole('button', { name: 'Open incident' }).click();
  await expect(dialog).toBeHidden();

  // The detail: the procedure's first stage, both clocks running down
  const detail = page.getByTestId('incident-detail');
  await expect(detail).toContainText(title);
  const response = detail.getByTestId('sla-response');
  await expect(response).toHaveAttribute('data-sla-status', 'running');
  await expect(response).toContainText(/Response: 1[45] minutes?.* left/);
  // the role holders as entity links with their catalog titles
  await expect(detail.getByTestId('escalation')).toContainText(/devops.lead/i);
  await expect(detail.getByTestId('escalation-next')).toContainText(
    /system.architect/i,
  );
  await page.screenshot({ path: shot('41-incident-detail'), fullPage: true });

  // Through the documented stages, one move at a time
  const stages: Array<[string, string]> = [
    ['triaged', 'Level judged'],
    ['responding', 'Responding'],
    ['reported', 'Status reported'],
    ['investigating', 'Root cause analysis'],
    ['mitigating', 'Fix executed'],
    ['resolved', 'Recovery verified'],
    ['postmortem', 'Post-mortem'],
  ];
  for (const [stage, label] of stages) {
    await detail.getByTestId(`move-${stage}`).click();
    await expect(detail.getByTestId('timeline')).toContainText(`→ ${label}`);
    if (stage === 'responding') {
      await expect(response).toHaveAttribute('data-sla-status', 'met');
    }
  }
  // only forward moves remain from post-mortem: closing
  await expect(
    detail.getByTestId('stage-moves').getByRole('button'),
  ).toHaveText(['Move to Closed']);

  // The post-mortem starts from the template the backend filled in
  await detail.getByTestId('edit-postmortem').click();
  const text = detail.getByTestId('postmortem-text');
  await expect(text).toHaveValue(/## Root cause/);
  const draft = (await text.inputValue()).replace(
    '<!-- What caused the incident, and why it was not caught earlier? -->',
    'A config push removed the readiness probe of trading-api.',
  );
  await text.fill(draft);
  await detail.getByTestId('postmortem-preview-tab').click();
  await expect(detail.getByTestId('postmortem-preview')).toContainText(
    'A config push removed the readiness probe',
  );
  await detail.getByTestId('save-postmortem').click();
  await expect(detail.getByTestId('postmortem')).toContainText(
    'A config push removed the readiness probe',
  );
  await page.screenshot({
    path: shot('42-incident-postmortem'),
    fullPage: true,
  });

  // The list: resolved, so under "Resolved and closed", met response clock
  await page.getByRole('link', { name: /All incidents/ }).click();
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('Post-mortem');
  await expect(row.getByTestId('sla-response')).toHaveAttribute(
    'data-sla-status',
    'met',
  );
  await page.screenshot({ path: shot('43-incidents-list'), fullPage: true });

  await page.getByRole('tab', { name: 'Statistics' }).click();
  await expect(page.getByTestId('stats-P1')).toBeVisible();
  await page.screenshot({ path: shot('44-incidents-stats'), fullPage: true });

  await page.getByRole('tab', { name: 'On call' }).click();
  await expect(page.getByTestId('chain-P1')).toContainText('cto@fdp.example');
  await page.screenshot({ path: shot('45-incidents-on-call'), fullPage: true });

  // A narrow screen still shows the detail readably
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/incidents');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('incident-detail')).toContainText(title);
  // the first screen, at phone size: title, procedure and next move
  await page.screenshot({ path: shot('46-incident-detail-narrow') });
  // the list at phone size: the compact list instead of the table
  await page.goto('/incidents');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await page.screenshot({ path: shot('47-incidents-list-narrow') });

  // 1,280 px: the table fits without horizontal scrolling
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByRole('row').filter({ hasText: title })).toBeVisible();
  await expectNoWiderThanWindow(page);
  await page.screenshot({ path: shot('47-incidents-list-1280') });

  // The dark theme: every colour from its palette
  await useTheme(page, 'dark');
  await expect(page.getByRole('row').filter({ hasText: title })).toBeVisible();
  await page.screenshot({
    path: shot('48-incidents-list-dark'),
    fullPage: true,
  });
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('incident-detail')).toContainText(title);
  await page.screenshot({
    path: shot('48-incident-detail-dark'),
    fullPage: true,
  });
});

/** No table reaches past the window's right edge (nothing to scroll to). */
async function expectNoWiderThanWindow(page: Page) {
  const overflow = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollWidth - window.innerWidth,
      ...Array.from(document.querySelectorAll('table')).map(
        table => table.getBoundingClientRect().right - window.innerWidth,
      ),
    ),
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

// The app offers English and Korean (api:app/app-language); the
// AppLanguageApi keeps the choice in localStorage under `language`.
test('the incidents page and an incident in Korean', async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('language', 'ko'));
  const title = `e2e: 체결 지연 (${Date.now()})`;
  await signIn(page, '/catalog?filters[kind]=component&filters[user]=all');
  await expect(page.getByRole('link', { name: 'Trading API' })).toBeVisible({
    timeout: 60_000,
  });
  await page.goto('/incidents');
  await expect(page.getByRole('tab', { name: '당직' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '통계' })).toBeVisible();

  await page.getByRole('button', { name: '새 장애' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^제목/).fill(title);
  await dialog.getByLabel('영향받는 컴포넌트').fill('trading');
  await page.getByRole('option', { name: 'Trading API' }).click();
  await dialog.getByRole('button', { name: '장애 등록' }).click();
  await expect(dialog).toBeHidden();

  const detail = page.getByTestId('incident-detail');
  await expect(detail).toContainText(title);
  await expect(detail).toContainText('장애 대응 절차');
  await expect(detail.getByTestId('stage-stepper')).toContainText('장애 감지');
  await expect(detail.getByTestId('level-chip').first()).toHaveText('P1 심각');
  await expect(detail.getByTestId('sla-response')).toContainText(
    /응답: 1[45]분.* 남음/,
  );
  await page.screenshot({
    path: shot('49-incident-detail-ko'),
    fullPage: true,
  });

  await page.goto('/incidents');
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('장애 감지');
  await expect(page.getByTestId('open-incidents')).toContainText(
    '진행 중인 장애',
  );
  await page.screenshot({ path: shot('49-incidents-list-ko'), fullPage: true });
});
