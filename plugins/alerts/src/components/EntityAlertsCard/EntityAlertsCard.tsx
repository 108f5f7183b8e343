import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { alertsApiRef } from '../../api';
import { byPriority } from '../../format';
import { useAlertsForEntityLink } from '../../hooks/useLinks';
import { useLiveData } from '../../hooks/useLiveData';
import { alertsTranslationRef } from '../../translation';
import { AlertList } from '../AlertList';
import { PriorityCounts } from '../PriorityChip';
import { RefreshError, SourceErrors } from '../SourceErrors';

function EntityAlerts(props: { entityRef: string }) {
  const { entityRef } = props;
  const api = useApi(alertsApiRef);
  const { t } = useTranslationRef(alertsTranslationRef);
  const { value, error, loading } = useLiveData(
    () => api.getAlerts({ entityRef }),
    [api, entityRef],
  );
  if (loading) {
    return <Progress />;
  }
  if (!value) {
    return (
      <ResponseErrorPanel error={error ?? new Error(t('common.noData'))} />
    );
  }
  const alerts = [...value.alerts].sort(byPriority);
  return (
    <>
      <RefreshError error={error} />
      <SourceErrors errors={value.errors} />
      {alerts.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('entityCard.empty')}
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
  const { t } = useTranslationRef(alertsTranslationRef);
  const entityRef = stringifyEntityRef(entity);
  const link = useAlertsForEntityLink(entityRef);
  return (
    <InfoCard
      title={t('entityCard.title')}
      subheader={t('entityCard.subheader')}
      deepLink={link ? { title: t('entityCard.viewAll'), link } : undefined}
    >
      <EntityAlerts entityRef={entityRef} />
    </InfoCard>
  );
}
