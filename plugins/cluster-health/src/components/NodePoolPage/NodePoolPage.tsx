import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import CardHeader from '@material-ui/core/CardHeader';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useParams } from 'react-router-dom';
import {
  DEFAULT_THRESHOLDS,
  type ClusterSummary,
  type NodeCondition,
  type NodePoolSummary,
  type NodeRow,
  type ResourceUsage,
  type ThresholdPair,
  type Thresholds,
} from '@fdp/plugin-cluster-health-common';
import { clusterHealthApiRef } from '../../api';
import { statusRank } from '@fdp/plugin-cluster-health-common';
import { formatAge, formatPercent } from '../../format';
import { useRootLink } from '../../hooks/useLinks';
import { useLiveData } from '../../hooks/useLiveData';
import { StaleBanner, clusterThresholds } from '../ClusterOverview';
import { HealthReasons, HealthStatusLabel } from '../HealthStatus';
import { NodePoolSummaryView } from '../NodePoolCard';
import { usageLevel } from '../UsageGauge';

/** Whether an error is the API's 404 for an unknown cluster or pool. */
export function isNotFound(error: Error | undefined): boolean {
  if (!error) {
    return false;
  }
  const response = (error as { response?: { status?: number } }).response;
  return response?.status === 404 || error.name === 'NotFoundError';
}

class PoolNotFoundError extends Error {
  name = 'NotFoundError';
}

/** Conditions that are not as they should be (Ready not True, pressure True). */
export function abnormalConditions(node: NodeRow): NodeCondition[] {
  return node.conditions.filter(c =>
    c.type === 'Ready' ? c.status !== 'True' : c.status !== 'False',
  );
}

function usedPercent(usage: ResourceUsage): number | undefined {
  if (usage.usedPercent !== undefined) {
    return usage.usedPercent;
  }
  if (usage.used !== undefined && usage.allocatable > 0) {
    return (usage.used / usage.allocatable) * 100;
  }
  return undefined;
}

function UsageCell(props: { usage: ResourceUsage; thresholds: ThresholdPair }) {
  const percent = usedPercent(props.usage);
  const level = usageLevel(percent, props.thresholds);
  const color = {
    ok: undefined,
    warning: '#ed6c02',
    critical: '#d32f2f',
    unknown: undefined,
  }[level];
  return (
    <span style={{ color, fontWeight: color ? 600 : undefined }}>
      {formatPercent(percent)}
    </span>
  );
}

function byUsage(key: 'cpu' | 'memory' | 'disk') {
  return (a: NodeRow, b: NodeRow) =>
    (usedPercent(a[key]) ?? -1) - (usedPercent(b[key]) ?? -1);
}

function readyText(node: NodeRow): string {
  let ready = 'Unknown';
  if (node.ready !== undefined) {
    ready = node.ready ? 'Ready' : 'Not ready';
  }
  return node.cordoned ? `${ready}, cordoned` : ready;
}

export function nodeColumns(
  thresholds = DEFAULT_THRESHOLDS,
): TableColumn<NodeRow>[] {
  return [
    {
      title: 'Name',
      field: 'name',
      highlight: true,
      defaultSort: 'asc',
    },
    {
      title: 'Status',
      field: 'status',
      customSort: (a, b) => statusRank(a.status) - statusRank(b.status),
      render: node => (
        <>
          <HealthStatusLabel status={node.status} />
          <HealthReasons reasons={node.reasons} />
        </>
      ),
    },
    {
      title: 'Ready',
      field: 'ready',
      render: node => readyText(node),
      customSort: (a, b) => readyText(a).localeCompare(readyText(b)),
    },
    {
      title: 'Conditions',
      sorting: false,
      render: node => {
        const conditions = abnormalConditions(node);
        if (conditions.length === 0) {
          return <Typography variant="body2">nominal</Typography>;
        }
        return (
          <>
            {conditions.map(c => (
              <Typography variant="body2" key={c.type} title={c.message}>
                {c.type} {c.status}
                {c.reason ? ` (${c.reason})` : ''}
              </Typography>
            ))}
          </>
        );
      },
    },
    {
      title: 'CPU',
      field: 'cpu.usedPercent',
      customSort: byUsage('cpu'),
      render: node => (
        <UsageCell usage={node.cpu} thresholds={thresholds.cpu} />
      ),
    },
    {
      title: 'Memory',
      field: 'memory.usedPercent',
      customSort: byUsage('memory'),
      render: node => (
        <UsageCell usage={node.memory} thresholds={thresholds.memory} />
      ),
    },
    {
      title: 'Disk',
      field: 'disk.usedPercent',
      customSort: byUsage('disk'),
      render: node => (
        <UsageCell usage={node.disk} thresholds={thresholds.disk} />
      ),
    },
    { title: 'Pods', field: 'pods', type: 'numeric' },
    {
      title: 'GPUs',
      field: 'gpus.allocatable',
      customSort: (a, b) => a.gpus.allocatable - b.gpus.allocatable,
      render: node =>
        node.gpus.allocatable > 0
          ? `${node.gpus.requested} / ${node.gpus.allocatable}`
          : '–',
    },
    { title: 'Instance type', field: 'instanceType' },
    { title: 'Zone', field: 'zone' },
    {
      title: 'Age',
      field: 'createdAt',
      render: node => formatAge(node.createdAt),
      customSort: (a, b) =>
        Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? ''),
    },
  ];
}

/** The nodes of one pool as a sortable table. */
export function NodesTable(props: {
  nodes: NodeRow[];
  thresholds?: Thresholds;
}) {
  const { nodes, thresholds } = props;
  return (
    <Table<NodeRow>
      title={`Nodes (${nodes.length})`}
      columns={nodeColumns(thresholds)}
      data={nodes}
      options={{
        paging: nodes.length > 25,
        pageSize: 25,
        padding: 'dense',
        search: nodes.length > 5,
      }}
      emptyContent={
        <Box p={2}>
          <Typography variant="body2">No nodes in this pool.</Typography>
        </Box>
      }
    />
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
          `No pool ${poolName} in cluster ${cluster}`,
        );
      }
      return { pool, nodes, cluster: clusterSummary };
    },
    [api, cluster, poolName],
    { signalFilter: signal => signal.cluster === cluster },
  );

  const back = rootLink && (
    <Box mb={2}>
      <Link to={rootLink}>← All clusters</Link>
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
            title="Unknown cluster or pool"
            description={`There is no node pool "${poolName}" in cluster "${cluster}".`}
          />
        ) : (
          <ResponseErrorPanel error={error ?? new Error('No data')} />
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
            Could not refresh: {error.message}. Showing the last data.
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
            subheader={[
              pool.instanceType,
              pool.source === 'config' ? 'configured' : 'discovered',
            ]
              .filter(Boolean)
              .join(' · ')}
          />
          <CardContent>
            <NodePoolSummaryView pool={pool} thresholds={thresholds} />
          </CardContent>
        </Card>
      </Box>
      {nodes.length === 0 ? (
        <EmptyState
          missing="data"
          title="No nodes"
          description="This pool has no nodes right now."
        />
      ) : (
        <NodesTable nodes={nodes} thresholds={thresholds} />
      )}
    </>
  );
}
