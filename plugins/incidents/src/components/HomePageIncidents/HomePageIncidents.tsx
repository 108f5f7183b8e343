import Box from '@material-ui/core/Box';
import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { incidentsApiRef } from '../../api';
import { useRootLink } from '../../hooks/useLinks';
import { useLevels } from '../../hooks/useLevels';
import { useLiveData } from '../../hooks/useLiveData';
import { incidentsTranslationRef } from '../../translation';
import { IncidentSummaryList } from '../IncidentSummaryList';

/** How many open incidents the home card lists. */
export const HOME_TOP_INCIDENTS = 5;

/** The home page card: the open incidents with their SLA clocks. */
export function HomePageIncidents() {
  const api = useApi(incidentsApiRef);
  const { t } = useTranslationRef(incidentsTranslationRef);
  const rootLink = useRootLink();
  const levels = useLevels();
  const { value, error, loading } = useLiveData(
    () => api.listIncidents({ status: 'open' }),
    [api],
  );
  if (levels.error) {
    return <ResponseErrorPanel error={levels.error} />;
  }
  if (loading || !levels.levels) {
    return <Progress />;
  }
  if (!value) {
    return <ResponseErrorPanel error={error ?? new Error('No data')} />;
  }
  const top = value.items.slice(0, HOME_TOP_INCIDENTS);
  const more = value.items.length - top.length;
  return (
    <>
      {top.length === 0 ? (
        <EmptyState
          missing="data"
          title={t('home.none')}
          description={t('home.noneDescription')}
        />
      ) : (
        <IncidentSummaryList incidents={top} levels={levels.levels} />
      )}
      {(more > 0 || value.nextCursor) && (
        <Box color="text.secondary" fontSize="0.875rem">
          {t('home.more', {
            more: value.nextCursor ? `${more}+` : String(more),
          })}
        </Box>
      )}
      {rootLink && (
        <Box mt={1}>
          <Link to={rootLink}>{t('home.open')}</Link>
        </Box>
      )}
    </>
  );
}
