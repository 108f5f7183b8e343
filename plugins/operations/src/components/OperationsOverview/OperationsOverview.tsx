import { Content, ContentHeader } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import { operationsTranslationRef } from '../../translation';
import { AlertsCard } from '../AlertsCard';
import { BackupsCard } from '../BackupsCard';
import { ClusterHealthCard } from '../ClusterHealthCard';
import { IncidentsCard } from '../IncidentsCard';

/**
 * The home page: the four operational states side by side, two by two on
 * wide screens, one above the other on phones.
 */
export function OperationsOverview() {
  const { t } = useTranslationRef(operationsTranslationRef);
  return (
    <Content>
      <ContentHeader
        title={t('overview.title')}
        description={t('overview.subtitle')}
      />
      <Grid container spacing={2} alignItems="stretch">
        <Grid item xs={12} md={6}>
          <ClusterHealthCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <AlertsCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <IncidentsCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <BackupsCard />
        </Grid>
      </Grid>
    </Content>
  );
}
