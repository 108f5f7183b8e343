import { useNavigate } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { incidentsApiRef } from '../../api';
import { useIncidentLink, useRootLink } from '../../hooks/useLinks';
import { useLevels } from '../../hooks/useLevels';
import { useLiveData } from '../../hooks/useLiveData';
import { incidentsTranslationRef } from '../../translation';
import { CreateIncidentButton } from '../CreateIncidentDialog';
import { IncidentSummaryList } from '../IncidentSummaryList';

function EntityIncidents(props: { entityRef: string }) {
  const { entityRef } = props;
  const api = useApi(incidentsApiRef);
  const { t } = useTranslationRef(incidentsTranslationRef);
  const navigate = useNavigate();
  const incidentLink = useIncidentLink();
  const levels = useLevels();
  const { value, error, loading } = useLiveData(
    () => api.listIncidents({ entityRef, status: 'open' }),
    [api, entityRef],
  );
  if (levels.error) {
    return <ResponseErrorPanel error={levels.error} />;
  }
  if (loading || !levels.levels) {
    return <Progress />;
  }
  if (!value) {
    return (
      <ResponseErrorPanel error={error ?? new Error(t('common.noData'))} />
    );
  }
  return (
    <>
      {value.items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('entityCard.none')}
        </Typography>
      ) : (
        <IncidentSummaryList incidents={value.items} levels={levels.levels} />
      )}
      <Box mt={1}>
        <CreateIncidentButton
          levels={levels.levels}
          entityRef={entityRef}
          label={t('entityCard.create')}
          size="small"
          color="primary"
          onCreated={incident => {
            if (incidentLink) navigate(incidentLink(incident.id));
          }}
        />
      </Box>
    </>
  );
}

/** The component's open incidents, as a card for its overview. */
export function EntityIncidentsCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(incidentsTranslationRef);
  const entityRef = stringifyEntityRef(entity);
  const root = useRootLink();
  const link = root
    ? `${root}?${new URLSearchParams({ entityRef }).toString()}`
    : undefined;
  return (
    <InfoCard
      title={t('entityCard.title')}
      subheader={t('entityCard.subheader')}
      deepLink={link ? { title: t('entityCard.viewAll'), link } : undefined}
    >
      <EntityIncidents entityRef={entityRef} />
    </InfoCard>
  );
}
