import {
  Link as RouterLink,
  Route,
  Routes,
  useLocation,
  useResolvedPath,
} from 'react-router-dom';
import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { incidentsTranslationRef } from '../../translation';
import { IncidentDetail } from '../IncidentDetail';
import { IncidentList } from '../IncidentList';
import { OnCallView } from '../OnCallView';
import { StatsView } from '../StatsView';

function PageTabs() {
  const { t } = useTranslationRef(incidentsTranslationRef);
  const { pathname } = useLocation();
  const onCall = useResolvedPath('on-call').pathname;
  const stats = useResolvedPath('stats').pathname;
  let value = 0;
  if (pathname.startsWith(onCall)) {
    value = 1;
  } else if (pathname.startsWith(stats)) {
    value = 2;
  }
  return (
    <Box mb={2}>
      <Tabs
        value={value}
        indicatorColor="primary"
        textColor="primary"
        variant="scrollable"
      >
        <Tab label={t('page.tabIncidents')} component={RouterLink} to="." />
        <Tab label={t('page.tabOnCall')} component={RouterLink} to="on-call" />
        <Tab label={t('page.tabStats')} component={RouterLink} to="stats" />
      </Tabs>
    </Box>
  );
}

/**
 * The plugin's page content: the list at its root, an incident at `:id`,
 * the on-call chains at `on-call` and statistics at `stats`. The header
 * comes from the app (new frontend system) or from {@link LegacyIncidentsPage}.
 */
export function IncidentsPage() {
  return (
    <Content>
      <PageTabs />
      <Routes>
        <Route path="/" element={<IncidentList />} />
        <Route path="/on-call" element={<OnCallView />} />
        <Route path="/stats" element={<StatsView />} />
        <Route path="/:id" element={<IncidentDetail />} />
      </Routes>
    </Content>
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
