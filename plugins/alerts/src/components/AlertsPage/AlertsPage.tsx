import {
  Link as RouterLink,
  Route,
  Routes,
  useLocation,
  useResolvedPath,
} from 'react-router-dom';
import { Content, Header, Page } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { AlertsTable } from '../AlertsTable';
import { RulesTable } from '../RulesTable';
import { SilencesTable } from '../SilencesTable';

function PageTabs() {
  const { pathname } = useLocation();
  const silences = useResolvedPath('silences').pathname;
  const rules = useResolvedPath('rules').pathname;
  let value = 0;
  if (pathname.startsWith(silences)) {
    value = 1;
  } else if (pathname.startsWith(rules)) {
    value = 2;
  }
  return (
    <Box mb={2}>
      <Tabs value={value} indicatorColor="primary" textColor="primary">
        <Tab label="Alerts" component={RouterLink} to="." />
        <Tab label="Silences" component={RouterLink} to="silences" />
        <Tab label="Rules" component={RouterLink} to="rules" />
      </Tabs>
    </Box>
  );
}

/**
 * The plugin's page content: alerts at its root, silences at `silences` and
 * rules at `rules`, with tabs. The header comes from the app (new frontend
 * system) or from {@link LegacyAlertsPage}.
 */
export function AlertsPage() {
  return (
    <Content>
      <PageTabs />
      <Routes>
        <Route path="/" element={<AlertsTable />} />
        <Route path="/silences" element={<SilencesTable />} />
        <Route path="/rules" element={<RulesTable />} />
      </Routes>
    </Content>
  );
}

/** The page with its own header, for apps on the legacy frontend system. */
export function LegacyAlertsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Alerts"
        subtitle="Prometheus alerts, Alertmanager silences and rules"
      />
      <AlertsPage />
    </Page>
  );
}
