import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import CardHeader from '@material-ui/core/CardHeader';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import {
  DEFAULT_THRESHOLDS,
  type NodePoolSummary,
  type Thresholds,
} from '@fdp/plugin-cluster-health-common';
import { formatBytes } from '@fdp/plugin-cluster-health-common';
import { formatCores } from '../../format';
import { HealthReasons, HealthStatusLabel } from '../HealthStatus';
import { UsageGauge } from '../UsageGauge';

/** `3 of 3..10, can add 7` */
export function poolSizeText(pool: NodePoolSummary): string {
  const { total } = pool.nodes;
  if (pool.minSize === undefined && pool.maxSize === undefined) {
    return `${total} node${total === 1 ? '' : 's'}`;
  }
  const range = `${pool.minSize ?? 0}..${pool.maxSize ?? '∞'}`;
  const headroom =
    pool.headroom ??
    (pool.maxSize !== undefined ? pool.maxSize - total : undefined);
  let headroomText = '';
  if (headroom !== undefined) {
    if (headroom > 0) {
      headroomText = `, can add ${headroom}`;
    } else if (headroom === 0) {
      headroomText = ', at maximum';
    } else {
      headroomText = `, ${-headroom} above maximum`;
    }
  }
  return `${total} of ${range}${headroomText}`;
}

/** `3 ready · 0 not ready · 0 cordoned · 1 under pressure` */
export function poolNodesText(pool: NodePoolSummary): string {
  const { ready, notReady, cordoned, pressure } = pool.nodes;
  return `${ready} ready · ${notReady} not ready · ${cordoned} cordoned · ${pressure} under pressure`;
}

export const formatCpuAmount = (millis: number) =>
  `${formatCores(millis)} cores`;

/** The summary of one node pool, as a card or as a page header. */
export function NodePoolSummaryView(props: {
  pool: NodePoolSummary;
  thresholds?: Thresholds;
}) {
  const { pool, thresholds = DEFAULT_THRESHOLDS } = props;
  return (
    <>
      <Box display="flex" alignItems="center" mb={1}>
        <HealthStatusLabel status={pool.status} />
      </Box>
      <HealthReasons reasons={pool.reasons} />
      <Box my={1}>
        <Typography variant="body2">
          <strong>Size</strong> {poolSizeText(pool)}
        </Typography>
        <Typography variant="body2">
          <strong>Nodes</strong> {poolNodesText(pool)}
        </Typography>
        {pool.pendingPods > 0 && (
          <Typography variant="body2">
            <strong>Pending pods</strong> {pool.pendingPods}
          </Typography>
        )}
        {pool.gpus.allocatable > 0 && (
          <Typography variant="body2">
            <strong>GPUs</strong> {pool.gpus.requested} requested of{' '}
            {pool.gpus.allocatable} allocatable
          </Typography>
        )}
      </Box>
      <Divider />
      <Box mt={1.5}>
        <UsageGauge
          label="CPU"
          usage={pool.cpu}
          thresholds={thresholds.cpu}
          format={formatCpuAmount}
        />
        <UsageGauge
          label="Memory"
          usage={pool.memory}
          thresholds={thresholds.memory}
          format={formatBytes}
        />
        <UsageGauge
          label="Disk"
          usage={pool.disk}
          thresholds={thresholds.disk}
          format={formatBytes}
        />
      </Box>
    </>
  );
}

/** One node pool as a card, linking to the pool's page. */
export function NodePoolCard(props: {
  pool: NodePoolSummary;
  thresholds?: Thresholds;
  link?: string;
}) {
  const { pool, thresholds, link } = props;
  const subheader = [
    pool.instanceType,
    pool.source === 'config' ? 'configured' : 'discovered',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Card data-testid={`pool-${pool.name}`} style={{ height: '100%' }}>
      <CardHeader
        title={link ? <Link to={link}>{pool.name}</Link> : pool.name}
        subheader={subheader}
        titleTypographyProps={{ variant: 'h6' }}
      />
      <CardContent>
        <NodePoolSummaryView pool={pool} thresholds={thresholds} />
      </CardContent>
    </Card>
  );
}
