import { expect, test } from '@playwright/test';
import path from 'node:path';
import { advanceSimulatorTo } from './simClock';

const shot = (name: string) =>
  path.join(__dirname, '..', 'artifacts', 'screenshots', `${name}.png`);
const BASE_URL = 'http://127.0.0.1:7017';
const NOT_ALLOWED = 'You are not allowed to silence alerts';

/** A token of a catalog user through the development sign-in (e2e config). */
async function signIn(provider: 'guest' | 'test-user', user = '') {
  // the sign-in resolves catalog users: retry until the catalog holds them
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${BASE_URL}/api/auth/${provider}/refresh`, {
      method: 'POST',
      headers: {
        'X-Requested-With': 'XMLHttpRequest',
        'x-fdp-test-user': user,
      },
    });
    if (res.ok) return (await res.json()).backstageIdentity.token as string;
    if (attempt === 60) throw new Error(`${provider} sign-in: ${res.status}`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

const api = (token: string, method: string, route: string, body?: unknown) =>
  fetch(`${BASE_URL}/api/alerts${route}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

// team-lead: the catalog's dev-team member (also in trading-team), not devops.
test('a dev-team member sees silencing disabled with the reason, and the API refuses it', async ({
  page,
}) => {
  // the demo CPU alert is firing from scenario time 1130 s (see 03-alerts)
  await advanceSimulatorTo(1130);
  const teamLead = await signIn('test-user', 'team-lead');
  // a silence made by devops, for the expire button (matches no alert)
  const guest = await signIn('guest');
  const created = await api(guest, 'POST', '/silences', {
    matchers: 'alertname="E2eDevTeamView"',
    duration: '1h',
    comment: 'e2e: made by devops, seen by dev-team',
  });
  expect(created.status).toBe(201);
  const silence = await created.json();

  try {
    await page.addInitScript(() =>
      window.localStorage.setItem('fdp.testUser', 'team-lead'),
    );
    await page.goto('/alerts');
    const row = page
      .getByRole('row')
      .filter({ hasText: 'NodeCpuUsageHigh' })
      .filter({ hasText: 'general-1' });
    await expect(row).toBeVisible({ timeout: 30_000 });
    const silenceButton = row.getByRole('button', {
      name: 'Silence NodeCpuUsageHigh',
    });
    await expect(silenceButton).toBeDisabled();
    await row.getByTestId('permission-denied').hover();
    await expect(page.getByRole('tooltip')).toHaveText(NOT_ALLOWED);
    // legible in the screenshot: past the tooltip's fade-in
    await expect(page.locator('.MuiTooltip-tooltip')).toHaveCSS('opacity', '1');
    await page.screenshot({ path: shot('30-dev-team-alerts') });

    await page.goto('/alerts/silences');
    const silenceRow = page
      .getByRole('row')
      .filter({ hasText: 'e2e: made by devops, seen by dev-team' });
    await expect(silenceRow).toBeVisible({ timeout: 30_000 });
    await expect(
      silenceRow.getByRole('button', { name: /Expire silence/ }),
    ).toBeDisabled();
    const newSilence = page.getByRole('button', { name: 'New silence' });
    await expect(newSilence).toBeDisabled();
    await page
      .getByTestId('permission-denied')
      .filter({ has: newSilence })
      .hover();
    await expect(page.getByRole('tooltip')).toHaveText(NOT_ALLOWED);
    await expect(page.locator('.MuiTooltip-tooltip')).toHaveCSS('opacity', '1');
    await page.screenshot({
      path: shot('31-dev-team-silences'),
      fullPage: true,
    });

    // the API answers the same with that user's token
    const refusedCreate = await api(teamLead, 'POST', '/silences', {
      matchers: 'alertname="NodeCpuUsageHigh"',
      duration: '1h',
      comment: 'e2e: dev-team tries',
    });
    expect(refusedCreate.status).toBe(403);
    expect((await refusedCreate.json()).error.message).toMatch(
      /alerts\.silence\.create/,
    );
    const refusedExpire = await api(
      teamLead,
      'DELETE',
      `/silences/${silence.id}`,
    );
    expect(refusedExpire.status).toBe(403);
  } finally {
    expect((await api(guest, 'DELETE', `/silences/${silence.id}`)).ok).toBe(
      true,
    );
  }
});
