import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { alertsTranslationRef } from '../../translation';
import { AlertsTable } from '../AlertsTable';
import { RulesTable } from '../RulesTable';
import { SilencesTable } from '../SilencesTable';

/**
 * The plugin's page content: alerts at its root, silences at `silences` and
 * rules at `rules`, as tabs. The header comes from the app (new frontend
 * system) or from {@link LegacyAlertsPage}.
 */
export function AlertsPage() {
  const { t } = useTranslationRef(alertsTranslationRef);
  return (
    <TabbedLayout>
      <TabbedLayout.Route path="/" title={t('page.tabAlerts')}>
        <AlertsTable />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/silences" title={t('page.tabSilences')}>
        <SilencesTable />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/rules" title={t('page.tabRules')}>
        <RulesTable />
      </TabbedLayout.Route>
    </TabbedLayout>
  );
}

/** The page with its own header, for apps on the legacy frontend system. */
export function LegacyAlertsPage() {
  const { t } = useTranslationRef(alertsTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <AlertsPage />
    </Page>
  );
}
