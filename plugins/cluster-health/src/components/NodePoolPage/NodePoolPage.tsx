import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import CardHeader from '@material-ui/core/CardHeader';
import Alert from '@material-ui/lab/Alert';
import { useParams } from 'react-router-dom';
import {
  DEFAULT_THRESHOLDS,
  type ClusterSummary,
  type NodePoolSummary,
  type NodeRow,
} from '@fdp/plugin-cluster-health-common';
import { clusterHealthApiRef } from '../../api';
import { useRootLink } from '../../hooks/useLinks';
import { useLiveData } from '../../hooks/useLiveData';
import { clusterHealthTranslationRef } from '../../translation';
import { StaleBanner, clusterThresholds } from '../ClusterOverview';
import { NodePoolSummaryView, usePoolSubheader } from '../NodePoolCard';
import { NodesTable } from './NodesTable';

/** The pool is not among its cluster's pools (the cluster answered). */
class PoolNotFoundError extends Error {
  name = 'NotFoundError';
}

/** Whether an error is the API's 404 for an unknown cluster or pool. */
export function isNotFound(error: Error | undefined): boolean {
  return (
    error instanceof PoolNotFoundError ||
    (error instanceof ResponseError && error.response.status === 404)
  );
}

interface PoolData {
  pool: NodePoolSummary;
  nodes: NodeRow[];
  /** the pool's cluster, for staleness and thresholds, when readable */
  cluster?: ClusterSummary;
}

/** One node pool of one cluster: its summary and its nodes. */
export function NodePoolPage() {
  const { cluster = '', pool: poolName = '' } = useParams();
  const api = useApi(clusterHealthApiRef);
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  const subheader = usePoolSubheader();
  const rootLink = useRootLink();
  const { value, error, loading } = useLiveData<PoolData>(
    async () => {
      const [pools, nodes, clusterSummary] = await Promise.all([
        api.getNodePools(cluster),
        api.getNodes(cluster, poolName),
        api
          .getClusters()
          .then(all => all.find(c => c.name === cluster))
          .catch(() => undefined),
      ]);
      const pool = pools.find(p => p.name === poolName);
      if (!pool) {
        throw new PoolNotFoundError(
          t('pool.notFound', { pool: poolName, cluster }),
        );
      }
      return { pool, nodes, cluster: clusterSummary };
    },
    [api, cluster, poolName],
    { signalFilter: signal => signal.cluster === cluster },
  );

  const back = rootLink && (
    <Box mb={2}>
      <Link to={rootLink}>{t('page.allClusters')}</Link>
    </Box>
  );

  if (loading) {
    return <Progress />;
  }
  if (!value) {
    return (
      <>
        {back}
        {isNotFound(error) ? (
          <EmptyState
            missing="info"
            title={t('pool.unknownTitle')}
            description={t('pool.unknownDescription', {
              pool: poolName,
              cluster,
            })}
          />
        ) : (
          <ResponseErrorPanel error={error ?? new Error(t('common.noData'))} />
        )}
      </>
    );
  }

  const { pool, nodes } = value;
  const thresholds = value.cluster
    ? clusterThresholds(value.cluster)
    : DEFAULT_THRESHOLDS;
  return (
    <>
      {back}
      {error && (
        <Box mb={2}>
          <Alert severity="warning">
            {t('common.refreshFailed', { message: error.message })}
          </Alert>
        </Box>
      )}
      {value.cluster?.stale && (
        <Box mb={2}>
          <StaleBanner cluster={value.cluster} />
        </Box>
      )}
      <Box mb={3}>
        <Card>
          <CardHeader
            title={`${cluster} / ${pool.name}`}
            subheader={subheader(pool)}
          />
          <CardContent>
            <NodePoolSummaryView pool={pool} thresholds={thresholds} />
          </CardContent>
        </Card>
      </Box>
      {nodes.length === 0 ? (
        <EmptyState
          missing="data"
          title={t('pool.noNodesTitle')}
          description={t('pool.noNodesDescription')}
        />
      ) : (
        <NodesTable nodes={nodes} thresholds={thresholds} />
      )}
    </>
  );
}
