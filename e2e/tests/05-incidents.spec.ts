import { expect, Page, test } from '@playwright/test';
import path from 'node:path';

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
  await expect(response).toContainText(/Response: 1[45]m left/);
  await expect(detail.getByTestId('escalation')).toContainText('devops-lead');
  await expect(detail.getByTestId('escalation-next')).toContainText(
    'system-architect',
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
});
