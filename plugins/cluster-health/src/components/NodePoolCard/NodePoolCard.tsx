import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import CardHeader from '@material-ui/core/CardHeader';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import {
  DEFAULT_THRESHOLDS,
  formatBytes,
  type NodePoolSummary,
  type Thresholds,
} from '@fdp/plugin-cluster-health-common';
import { formatCores } from '../../format';
import {
  clusterHealthTranslationRef,
  type ClusterHealthT,
} from '../../translation';
import { HealthReasons, HealthStatusLabel } from '../HealthStatus';
import { UsageGauge } from '../UsageGauge';

/** `3 of 3..10, can add 7` */
export function poolSizeText(pool: NodePoolSummary, t: ClusterHealthT): string {
  const { total } = pool.nodes;
  if (pool.minSize === undefined && pool.maxSize === undefined) {
    return t('pool.sizeCount', { count: total });
  }
  const range = t('pool.sizeRange', {
    total: String(total),
    min: String(pool.minSize ?? 0),
    max: pool.maxSize === undefined ? '∞' : String(pool.maxSize),
  });
  const headroom =
    pool.headroom ??
    (pool.maxSize !== undefined ? pool.maxSize - total : undefined);
  if (headroom === undefined) {
    return range;
  }
  if (headroom > 0) {
    return t('pool.canAdd', { range, n: String(headroom) });
  }
  return headroom === 0
    ? t('pool.atMax', { range })
    : t('pool.aboveMax', { range, n: String(-headroom) });
}

/** `instance type · configured` under a pool's name. */
export function usePoolSubheader(): (pool: NodePoolSummary) => string {
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  return pool =>
    [
      pool.instanceType,
      pool.source === 'config'
        ? t('common.configured')
        : t('common.discovered'),
    ]
      .filter(Boolean)
      .join(' · ');
}

/** The summary of one node pool, as a card or as a page header. */
export function NodePoolSummaryView(props: {
  pool: NodePoolSummary;
  thresholds?: Thresholds;
}) {
  const { pool, thresholds = DEFAULT_THRESHOLDS } = props;
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  const { ready, notReady, cordoned, pressure } = pool.nodes;
  const cores = (millis: number) =>
    t('common.cores', { cores: formatCores(millis) });
  return (
    <>
      <Box display="flex" alignItems="center" mb={1}>
        <HealthStatusLabel status={pool.status} />
      </Box>
      <HealthReasons reasons={pool.reasons} />
      <Box my={1}>
        <Typography variant="body2">
          <strong>{t('pool.size')}</strong> {poolSizeText(pool, t)}
        </Typography>
        <Typography variant="body2">
          <strong>{t('pool.nodes')}</strong>{' '}
          {t('pool.nodesText', {
            ready: String(ready),
            notReady: String(notReady),
            cordoned: String(cordoned),
            pressure: String(pressure),
          })}
        </Typography>
        {pool.pendingPods > 0 && (
          <Typography variant="body2">
            <strong>{t('pool.pendingPods')}</strong> {pool.pendingPods}
          </Typography>
        )}
        {pool.gpus.allocatable > 0 && (
          <Typography variant="body2">
            <strong>{t('pool.gpus')}</strong>{' '}
            {t('pool.gpusText', {
              requested: String(pool.gpus.requested),
              allocatable: String(pool.gpus.allocatable),
            })}
          </Typography>
        )}
      </Box>
      <Divider />
      <Box mt={1.5}>
        <UsageGauge
          label={t('gauge.cpu')}
          resource="cpu"
          usage={pool.cpu}
          thresholds={thresholds.cpu}
          format={cores}
        />
        <UsageGauge
          label={t('gauge.memory')}
          resource="memory"
          usage={pool.memory}
          thresholds={thresholds.memory}
          format={formatBytes}
        />
        <UsageGauge
          label={t('gauge.disk')}
          resource="disk"
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
  const subheader = usePoolSubheader();
  return (
    <Card data-testid={`pool-${pool.name}`} style={{ height: '100%' }}>
      <CardHeader
        title={link ? <Link to={link}>{pool.name}</Link> : pool.name}
        subheader={subheader(pool)}
        titleTypographyProps={{ variant: 'h6' }}
      />
      <CardContent>
        <NodePoolSummaryView pool={pool} thresholds={thresholds} />
      </CardContent>
    </Card>
  );
}
