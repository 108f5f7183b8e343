import { Route, Routes } from 'react-router-dom';
import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { incidentsTranslationRef } from '../../translation';
import { IncidentDetail } from '../IncidentDetail';
import { IncidentList } from '../IncidentList';
import { OnCallView } from '../OnCallView';
import { StatsView } from '../StatsView';

/**
 * The plugin's page content as tabs: the list (and an incident at `:id`,
 * under the list's tab), the on-call chains at `on-call` and statistics at
 * `stats`. The header comes from the app (new frontend system) or from
 * {@link LegacyIncidentsPage}.
 */
export function IncidentsPage() {
  const { t } = useTranslationRef(incidentsTranslationRef);
  return (
    <TabbedLayout>
      <TabbedLayout.Route path="/" title={t('page.tabIncidents')}>
        <Routes>
          <Route path="/" element={<IncidentList />} />
          <Route path="/:id" element={<IncidentDetail />} />
        </Routes>
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/on-call" title={t('page.tabOnCall')}>
        <OnCallView />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/stats" title={t('page.tabStats')}>
        <StatsView />
      </TabbedLayout.Route>
    </TabbedLayout>
  );
}

/** The page with its own header, for apps on the legacy frontend system. */
export function LegacyIncidentsPage() {
  const { t } = useTranslationRef(incidentsTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <IncidentsPage />
    </Page>
  );
}
