import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useFormatters } from '@fdp/live-data-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  DEFAULT_THRESHOLDS,
  type ClusterSummary,
  type Thresholds,
} from '@fdp/plugin-cluster-health-common';
import { clusterHealthApiRef } from '../../api';
import { useNodePoolLink } from '../../hooks/useLinks';
import { useLiveData } from '../../hooks/useLiveData';
import { clusterHealthTranslationRef } from '../../translation';
import { HealthReasons, HealthStatusLabel } from '../HealthStatus';
import { NodePoolCard } from '../NodePoolCard';

/** Thresholds the API returned with a cluster, if any, else the defaults. */
export function clusterThresholds(cluster: ClusterSummary): Thresholds {
  const fromApi = (cluster as ClusterSummary & { thresholds?: Thresholds })
    .thresholds;
  return fromApi ?? DEFAULT_THRESHOLDS;
}

/** "Data is stale since <time>: <error>" for a stale cluster. */
export function StaleBanner(props: { cluster: ClusterSummary }) {
  const { cluster } = props;
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  const format = useFormatters();
  if (!cluster.stale) {
    return null;
  }
  const time = format.dateTime(cluster.lastSyncAt);
  return (
    <Alert severity="warning" data-testid={`stale-${cluster.name}`}>
      {cluster.error
        ? t('common.staleSinceWithError', { time, error: cluster.error })
        : t('common.staleSince', { time })}
    </Alert>
  );
}

function ClusterSection(props: { cluster: ClusterSummary }) {
  const { cluster } = props;
  const poolLink = useNodePoolLink();
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  const format = useFormatters();
  const thresholds = clusterThresholds(cluster);
  return (
    <Box component="section" mb={4} data-testid={`cluster-${cluster.name}`}>
      <Box display="flex" alignItems="center" flexWrap="wrap" mb={1}>
        <Box mr={2}>
          <Typography variant="h5" component="h2">
            {cluster.name}
          </Typography>
        </Box>
        <HealthStatusLabel status={cluster.status} />
        {cluster.lastSyncAt && (
          <Box ml={2}>
            <Typography variant="caption" color="textSecondary">
              {t('common.lastSync', {
                time: format.dateTime(cluster.lastSyncAt),
              })}
            </Typography>
          </Box>
        )}
      </Box>
      <StaleBanner cluster={cluster} />
      {!cluster.stale && cluster.error && (
        <Alert severity="error">{cluster.error}</Alert>
      )}
      <Box my={1}>
        <HealthReasons reasons={cluster.reasons} />
      </Box>
      {cluster.nodePools.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {cluster.status === 'unknown'
            ? t('overview.noDataYet')
            : t('overview.noPools')}
        </Typography>
      ) : (
        <Grid container spacing={2} alignItems="stretch">
          {cluster.nodePools.map(pool => (
            <Grid item xs={12} md={6} lg={4} key={pool.name}>
              <NodePoolCard
                pool={pool}
                thresholds={thresholds}
                link={poolLink?.(cluster.name, pool.name)}
              />
            </Grid>
          ))}
        </Grid>
      )}
    </Box>
  );
}

/** All clusters with their node pools as cards. */
export function ClusterOverview() {
  const api = useApi(clusterHealthApiRef);
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  const { value, error, loading } = useLiveData(() => api.getClusters(), [api]);

  if (loading) {
    return <Progress />;
  }
  if (!value) {
    return (
      <ResponseErrorPanel error={error ?? new Error(t('common.noData'))} />
    );
  }
  if (value.length === 0) {
    return (
      <EmptyState
        missing="data"
        title={t('overview.noClustersTitle')}
        description={t('overview.noClustersDescription')}
      />
    );
  }
  return (
    <>
      {error && (
        <Box mb={2}>
          <Alert severity="warning">
            {t('common.refreshFailed', { message: error.message })}
          </Alert>
        </Box>
      )}
      {value.map(cluster => (
        <ClusterSection key={cluster.name} cluster={cluster} />
      ))}
    </>
  );
}
