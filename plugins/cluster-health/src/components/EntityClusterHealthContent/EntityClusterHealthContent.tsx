import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { EntityWorkloads } from '../EntityWorkloads';

/** The entity's "Health" tab: its workloads in full. */
export function EntityClusterHealthContent() {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="Workload health">
          <EntityWorkloads />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
