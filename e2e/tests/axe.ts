import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Impacts that fail a page: issue 13 allows no serious or critical violation. */
const FAILING_IMPACTS = ['serious', 'critical'];

export type AxeOptions = {
  /** CSS selectors left out of the scan (say why where you call it). */
  exclude?: string[];
  /**
   * Rule ids still open on this page, written down with their reason where
   * the call is made: reported on every run (console and the test's
   * annotations), not failing. Any other serious or critical rule fails.
   */
  knownRules?: string[];
};

/**
 * Runs axe-core (WCAG 2.x A/AA rules and best practices) on the page as it is
 * now and fails on any serious or critical violation, printing each one (rule
 * id, impact, the elements' selectors and axe's help text) so that the failure
 * says what to fix. Call it once the page shows its data (after your
 * `expect(...).toBeVisible()`), not while it is loading.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  name: string,
  options: AxeOptions = {},
) {
  let builder = new AxeBuilder({ page });
  for (const selector of options.exclude ?? []) {
    builder = builder.exclude(selector);
  }
  const { violations } = await builder.analyze();
  const serious = violations.filter(v =>
    FAILING_IMPACTS.includes(v.impact ?? ''),
  );
  const known = new Set(options.knownRules ?? []);
  const tolerated = serious.filter(v => known.has(v.id));
  for (const v of tolerated) {
    test.info().annotations.push({
      type: 'known a11y violation',
      description: `${name}: ${v.id} (${v.impact}) on ${v.nodes.length} element(s)`,
    });
  }
  const failing = serious.filter(v => !known.has(v.id));
  const report = failing.map(v =>
    [
      `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
      ...v.nodes.map(
        n =>
          `    ${n.target.join(' ')}${
            n.failureSummary
              ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`
              : ''
          }`,
      ),
    ].join('\n'),
  );
  if (tolerated.length > 0) {
    // eslint-disable-next-line no-console
    console.log(
      `axe: ${name}: known, still open: ${tolerated
        .map(v => `${v.id} (${v.impact}, ${v.nodes.length})`)
        .join(', ')}`,
    );
  }
  if (report.length > 0) {
    // eslint-disable-next-line no-console
    console.log(
      `axe: ${name}: ${
        failing.length
      } serious/critical violation(s)\n${report.join('\n')}`,
    );
  }
  expect(report, `axe: serious or critical violations on ${name}`).toEqual([]);
}
