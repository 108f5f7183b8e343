import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { alertsApiRef } from '../../api';
import { byPriority } from '../../format';
import { useRootLink } from '../../hooks/useLinks';
import { useLiveData } from '../../hooks/useLiveData';
import { AlertList } from '../AlertList';
import { PriorityCounts } from '../AlertsTable';
import { SourceErrors } from '../SourceErrors';

/** How many alerts the home card lists. */
export const HOME_TOP_ALERTS = 5;

/** The home page card: firing alerts by priority and the top five. */
export function HomePageAlerts() {
  const api = useApi(alertsApiRef);
  const rootLink = useRootLink();
  const { value, error, loading } = useLiveData(
    () => api.getAlerts({ state: 'firing' }),
    [api],
  );
  if (loading) {
    return <Progress />;
  }
  if (!value) {
    return <ResponseErrorPanel error={error ?? new Error('No data')} />;
  }
  const top = [...value.alerts].sort(byPriority).slice(0, HOME_TOP_ALERTS);
  return (
    <>
      <SourceErrors errors={value.errors} />
      <PriorityCounts counts={value.counts} />
      {top.length === 0 ? (
        <EmptyState
          missing="data"
          title="No firing alerts"
          description="Nothing is firing right now."
        />
      ) : (
        <AlertList alerts={top} />
      )}
      {value.alerts.length > top.length && (
        <Box color="text.secondary" fontSize="0.875rem">
          and {value.alerts.length - top.length} more
        </Box>
      )}
      {rootLink && (
        <Box mt={1}>
          <Link to={rootLink}>Open alerts</Link>
        </Box>
      )}
    </>
  );
}
