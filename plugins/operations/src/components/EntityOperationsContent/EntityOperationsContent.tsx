import { compatWrapper } from '@backstage/core-compat-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { EntityAlertsCard, isAlertsAvailable } from '@fdp/plugin-alerts';
import { EntityBackupsCard, isBackupsAvailable } from '@fdp/plugin-backups';
import {
  EntityClusterHealthCard,
  isClusterHealthAvailable,
} from '@fdp/plugin-cluster-health';
import { EntityIncidentsCard } from '@fdp/plugin-incidents';
import { EntityStatusStrip } from '../EntityStatusStrip';
import { RecentDeploysCard } from '../RecentDeploysCard';

/**
 * A component's Operations tab: the status strip, then the feature plugins'
 * own entity cards (health, alerts, open incidents, backups) and the recent
 * deploys on one page.
 */
export function EntityOperationsContent() {
  const { entity } = useEntity();
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <EntityStatusStrip />
      </Grid>
      {isClusterHealthAvailable(entity) && (
        <Grid item xs={12}>
          {compatWrapper(<EntityClusterHealthCard />)}
        </Grid>
      )}
      {isClusterHealthAvailable(entity) && (
        <Grid item xs={12}>
          <RecentDeploysCard />
        </Grid>
      )}
      {isAlertsAvailable(entity) && (
        <Grid item xs={12} lg={6}>
          {compatWrapper(<EntityAlertsCard />)}
        </Grid>
      )}
      <Grid item xs={12} lg={6}>
        {compatWrapper(<EntityIncidentsCard />)}
      </Grid>
      {isBackupsAvailable(entity) && (
        <Grid item xs={12}>
          {compatWrapper(<EntityBackupsCard />)}
        </Grid>
      )}
    </Grid>
  );
}
