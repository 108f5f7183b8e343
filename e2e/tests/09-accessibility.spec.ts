import { expect, Locator, Page, test } from '@playwright/test';
import path from 'node:path';
import { expectNoSeriousA11yViolations } from './axe';
import { useTheme } from './theme';

/**
 * axe-core on every page of the portal, in the light and the dark theme: no
 * serious or critical violation (issue 13). Each page is its own test, so one
 * page's violations do not hide another's. Serious rules still open on a
 * page are listed in its `known` (rule ids, with what the first run found):
 * they are reported on every run, any other serious rule fails the page.
 * Fix, then delete the entry.
 */

const shot = (name: string) =>
  path.join(__dirname, '..', 'artifacts', 'screenshots', `${name}.png`);
const ENTITY = '/catalog/default/component/trading-api';

type Visit = {
  name: string;
  path: string | ((baseUrl: string) => Promise<string>);
  /** What shows once the page has its data. */
  ready: (page: Page) => Locator;
  /**
   * Serious rules found by the first run (2026-11-30) and still open: rule
   * ids, and what they hit.
   */
  known?: { rules: string[]; what: string };
};

const TABLE_SORT = {
  rules: ['nested-interactive'],
  what: 'sortable table headers (MUI TableSortLabel with a focusable child)',
};
const RED_CHIP =
  'white on palette.error.main #f44336 (3.68:1) in the P1 level chip';
const RED_TEXT =
  'palette.error.main #f44336 as text: 3.68:1 on white, 2.72:1 on the dark paper';
const THEME_CONTRAST = {
  rules: ['color-contrast'],
  what: 'text.secondary #717171 on the light page background #f5f5f5 is 4.47:1 (filter labels, captions)',
};

/** The first incident of the list, or a new P3 one when there is none. */
async function incidentPath(baseUrl: string): Promise<string> {
  const refresh = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const token = (await refresh.json()).backstageIdentity.token as string;
  const headers = {
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json',
  };
  const list = await fetch(`${baseUrl}/api/incidents/incidents?limit=1`, {
    headers,
  });
  const existing = (await list.json()).items?.[0];
  if (existing) return `/incidents/${existing.id}`;
  const created = await fetch(`${baseUrl}/api/incidents/incidents`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      title: 'e2e accessibility: an incident to show',
      level: 'P3',
      entityRef: 'component:default/trading-api',
    }),
  });
  expect(created.status).toBe(201);
  return `/incidents/${(await created.json()).id}`;
}

const heading = (name: string | RegExp) => (page: Page) =>
  page.getByRole('heading', { name }).first();

const VISITS: Visit[] = [
  {
    name: 'home',
    // with a breached incident (left by 08-overview): its line in red
    known: {
      rules: ['color-contrast', 'link-in-text-block'],
      what: `${RED_TEXT} (an SLA breach on the incidents card, whose link is told apart by colour only)`,
    },
    path: '/',
    ready: heading('Operations overview'),
  },
  { name: 'entity-overview', path: ENTITY, ready: heading('Trading API') },
  {
    name: 'entity-health',
    path: `${ENTITY}/cluster-health`,
    ready: page => page.getByText('trading-api-hpa').first(),
  },
  {
    name: 'entity-kubernetes',
    path: `${ENTITY}/kubernetes`,
    ready: page => page.getByRole('button', { name: /fdp-cluster\s+Cluster/ }),
  },
  {
    name: 'entity-operations',
    known: { rules: ['color-contrast'], what: RED_CHIP },
    path: `${ENTITY}/operations`,
    ready: heading('Trading API'),
  },
  {
    name: 'cluster-health',
    known: THEME_CONTRAST,
    path: '/cluster-health',
    ready: page => page.getByTestId('pool-general'),
  },
  {
    name: 'pool',
    known: {
      rules: ['nested-interactive', 'color-contrast'],
      what: `${TABLE_SORT.what}; ${RED_TEXT} (critical node status)`,
    },
    path: '/cluster-health/fdp-cluster/pools/general',
    ready: page => page.getByRole('cell', { name: 'general-1', exact: true }),
  },
  {
    name: 'alerts',
    known: {
      rules: ['color-contrast', 'nested-interactive'],
      what: `${THEME_CONTRAST.what}; ${TABLE_SORT.what}`,
    },
    path: '/alerts',
    ready: heading('Alerts'),
  },
  {
    name: 'alerts-silences',
    known: TABLE_SORT,
    path: '/alerts/silences',
    ready: page => page.getByRole('button', { name: 'New silence' }),
  },
  {
    name: 'alerts-rules',
    known: {
      rules: ['nested-interactive', 'color-contrast'],
      what: `${TABLE_SORT.what}; white on the high (#f44336, 3.68:1) and low (#2196f3, 3.12:1) priority chips`,
    },
    path: '/alerts/rules',
    ready: heading('Alerts'),
  },
  {
    name: 'incidents',
    known: THEME_CONTRAST,
    path: '/incidents',
    ready: heading('Incidents'),
  },
  {
    name: 'incident-detail',
    known: { rules: ['color-contrast'], what: RED_CHIP },
    path: incidentPath,
    ready: page => page.getByTestId('incident-detail'),
  },
  {
    name: 'backups',
    known: { rules: ['color-contrast'], what: 'MuiTypography-colorError text' },
    path: '/backups',
    ready: page => page.getByTestId('target-cluster-snapshots'),
  },
  {
    name: 'backups-target',
    known: {
      rules: ['nested-interactive', 'color-contrast'],
      what: `${TABLE_SORT.what}; the runbook code block`,
    },
    path: '/backups/cluster-snapshots',
    ready: page => page.getByTestId('runbook-velero'),
  },
  {
    name: 'create',
    known: {
      rules: ['link-name', 'nested-interactive', 'aria-valid-attr-value'],
      what: 'the scaffolder template cards (Backstage) and tabs',
    },
    path: '/create',
    ready: heading(/Create/),
  },
];

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    for (const visit of VISITS) {
      test(`${visit.name} has no serious or critical axe violation (${theme})`, async ({
        page,
        baseURL,
      }) => {
        if (visit.known) {
          test.info().annotations.push({
            type: 'known a11y issue',
            description: `${visit.known.rules.join(', ')}: ${visit.known.what}`,
          });
        }
        await useTheme(page, theme);
        const target =
          typeof visit.path === 'string'
            ? visit.path
            : await visit.path(baseURL!);
        await page.goto(target);
        await page.getByRole('button', { name: 'Enter' }).click();
        // signed in: the page itself, not the sign-in page, is what axe sees
        await expect(page.getByRole('button', { name: 'Enter' })).toBeHidden();
        await expect(visit.ready(page)).toBeVisible({ timeout: 60_000 });
        // the page's data, not its loading state
        await expect(page.getByRole('progressbar')).toHaveCount(0, {
          timeout: 30_000,
        });
        await page.screenshot({
          path: shot(`90-a11y-${visit.name}-${theme}`),
          fullPage: true,
        });
        await expectNoSeriousA11yViolations(page, `${visit.name} (${theme})`, {
          // a card that refreshes during the scan shows core-components'
          // Progress (an unnamed MUI CircularProgress): open on every page
          knownRules: [...(visit.known?.rules ?? []), 'aria-progressbar-name'],
        });
      });
    }
  });
}
