import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  ClusterSummary,
  NodePoolSummary,
} from '@fdp/plugin-cluster-health-common';
import { clusterHealthApiRef } from '../../api';
import { worstStatus } from '@fdp/plugin-cluster-health-common';
import { formatTime } from '../../format';
import { useNodePoolLink, useRootLink } from '../../hooks/useLinks';
import { useLiveData } from '../../hooks/useLiveData';
import {
  HealthReasonText,
  HealthStatusLabel,
  sortReasons,
} from '../HealthStatus';

function PoolLine(props: { pool: NodePoolSummary; link?: string }) {
  const { pool, link } = props;
  const [top] = sortReasons(pool.reasons);
  return (
    <Box
      display="flex"
      alignItems="baseline"
      flexWrap="wrap"
      data-testid={`home-pool-${pool.cluster}-${pool.name}`}
    >
      <Box mr={1}>
        <HealthStatusLabel status={pool.status} />
      </Box>
      <Box mr={1}>
        <Typography variant="body2" component="span">
          {link ? <Link to={link}>{pool.name}</Link> : pool.name}
        </Typography>
      </Box>
      {top && (
        <Typography variant="body2" component="span" color="textSecondary">
          <HealthReasonText reason={top} />
        </Typography>
      )}
    </Box>
  );
}

function ClusterBlock(props: { cluster: ClusterSummary }) {
  const { cluster } = props;
  const poolLink = useNodePoolLink();
  const status = worstStatus([
    cluster.status,
    ...cluster.nodePools.map(p => p.status),
  ]);
  return (
    <Box mb={2} data-testid={`home-cluster-${cluster.name}`}>
      <Box display="flex" alignItems="center">
        <Box mr={1}>
          <Typography variant="subtitle1" component="h3">
            {cluster.name}
          </Typography>
        </Box>
        <HealthStatusLabel status={status} />
      </Box>
      {cluster.stale && (
        <Typography variant="body2" color="error">
          Data is stale since {formatTime(cluster.lastSyncAt)}
          {cluster.error ? `: ${cluster.error}` : ''}
        </Typography>
      )}
      <Box pl={1}>
        {cluster.nodePools.map(pool => (
          <PoolLine
            key={pool.name}
            pool={pool}
            link={poolLink?.(cluster.name, pool.name)}
          />
        ))}
      </Box>
    </Box>
  );
}

/** The home page card: each cluster's worst status and a line per pool. */
export function HomePageClusterHealth() {
  const api = useApi(clusterHealthApiRef);
  const rootLink = useRootLink();
  const { value, error, loading } = useLiveData(() => api.getClusters(), [api]);
  if (loading) {
    return <Progress />;
  }
  if (!value) {
    return <ResponseErrorPanel error={error ?? new Error('No data')} />;
  }
  return (
    <>
      {value.length === 0 ? (
        <EmptyState
          missing="data"
          title="No clusters configured"
          description="Add clusters under kubernetes.clusterLocatorMethods."
        />
      ) : (
        value.map(cluster => (
          <ClusterBlock key={cluster.name} cluster={cluster} />
        ))
      )}
      {rootLink && <Link to={rootLink}>Open cluster health</Link>}
    </>
  );
}
