import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import { clusterHealthTranslationRef } from '../../translation';
import { EntityWorkloads } from '../EntityWorkloads';

/** The entity's "Health" tab: its workloads in full. */
export function EntityClusterHealthContent() {
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title={t('entity.contentTitle')}>
          <EntityWorkloads />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
