import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { alertsApiRef } from '../../api';
import { byPriority } from '../../format';
import { useAlertsForEntityLink } from '../../hooks/useLinks';
import { useLiveData } from '../../hooks/useLiveData';
import { AlertList } from '../AlertList';
import { PriorityCounts } from '../AlertsTable';
import { RefreshError, SourceErrors } from '../SourceErrors';

function EntityAlerts(props: { entityRef: string }) {
  const { entityRef } = props;
  const api = useApi(alertsApiRef);
  const { value, error, loading } = useLiveData(
    () => api.getAlerts({ entityRef }),
    [api, entityRef],
  );
  if (loading) {
    return <Progress />;
  }
  if (!value) {
    return <ResponseErrorPanel error={error ?? new Error('No data')} />;
  }
  const alerts = [...value.alerts].sort(byPriority);
  return (
    <>
      <RefreshError error={error} />
      <SourceErrors errors={value.errors} />
      {alerts.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No alerts for this entity
        </Typography>
      ) : (
        <>
          <PriorityCounts counts={value.counts} />
          <AlertList alerts={alerts} />
        </>
      )}
    </>
  );
}

/** The entity's alerts, as a card for the overview. */
export function EntityAlertsCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const link = useAlertsForEntityLink(entityRef);
  return (
    <InfoCard
      title="Alerts"
      subheader="Firing, pending and silenced alerts of this entity"
      deepLink={link ? { title: 'View in alerts', link } : undefined}
    >
      <EntityAlerts entityRef={entityRef} />
    </InfoCard>
  );
}
