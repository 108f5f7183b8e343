import { Table, TableColumn } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import {
  DEFAULT_THRESHOLDS,
  statusRank,
  type NodeCondition,
  type NodeRow,
  type ResourceUsage,
  type ThresholdPair,
  type Thresholds,
} from '@fdp/plugin-cluster-health-common';
import { useFormatters } from '@fdp/live-data-react';
import { formatPercent } from '../../format';
import {
  clusterHealthTranslationRef,
  type ClusterHealthT,
} from '../../translation';
import { CompactReasons, HealthStatusLabel } from '../HealthStatus';
import { usageColor, usageLevel } from '../UsageGauge';

const noWrap = { whiteSpace: 'nowrap' } as const;

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
  const theme = useTheme();
  const percent = usedPercent(props.usage);
  const level = usageLevel(percent, props.thresholds);
  const alarming = level === 'warning' || level === 'critical';
  return (
    <span
      style={{
        color: alarming ? usageColor(theme, level) : undefined,
        fontWeight: alarming ? 600 : undefined,
      }}
    >
      {formatPercent(percent)}
    </span>
  );
}

function byUsage(key: 'cpu' | 'memory' | 'disk') {
  return (a: NodeRow, b: NodeRow) =>
    (usedPercent(a[key]) ?? -1) - (usedPercent(b[key]) ?? -1);
}

function conditionText(c: NodeCondition, t: ClusterHealthT): string {
  return c.reason
    ? t('nodes.conditionWithReason', {
        type: c.type,
        status: c.status,
        reason: c.reason,
      })
    : t('nodes.condition', { type: c.type, status: c.status });
}

/**
 * The nodes of one pool as a sortable table: one line per node (its status
 * with the most severe reason, the others and the abnormal conditions in a
 * tooltip); fewer columns on a phone.
 */
export function NodesTable(props: {
  nodes: NodeRow[];
  thresholds?: Thresholds;
}) {
  const { nodes, thresholds = DEFAULT_THRESHOLDS } = props;
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  const format = useFormatters();
  const theme = useTheme();
  const narrow = useMediaQuery(theme.breakpoints.down('xs'), { noSsr: true });
  const withGpus = nodes.some(n => n.gpus.allocatable > 0);

  const columns: TableColumn<NodeRow>[] = [
    {
      title: t('nodes.columnName'),
      field: 'name',
      highlight: true,
      defaultSort: 'asc',
      cellStyle: { whiteSpace: 'nowrap' },
    },
    {
      title: t('nodes.columnStatus'),
      field: 'status',
      customSort: (a, b) => statusRank(a.status) - statusRank(b.status),
      render: node => (
        <Box data-testid={`node-status-${node.name}`}>
          <Box style={noWrap}>
            <HealthStatusLabel status={node.status} />
          </Box>
          <CompactReasons
            reasons={node.reasons}
            extra={abnormalConditions(node).map(c => conditionText(c, t))}
            testId={`node-reasons-${node.name}`}
          />
        </Box>
      ),
    },
    {
      title: t('nodes.columnCpu'),
      field: 'cpu.usedPercent',
      customSort: byUsage('cpu'),
      render: node => (
        <UsageCell usage={node.cpu} thresholds={thresholds.cpu} />
      ),
    },
    {
      title: t('nodes.columnMemory'),
      hidden: narrow,
      field: 'memory.usedPercent',
      customSort: byUsage('memory'),
      render: node => (
        <UsageCell usage={node.memory} thresholds={thresholds.memory} />
      ),
    },
    {
      title: t('nodes.columnDisk'),
      hidden: narrow,
      field: 'disk.usedPercent',
      customSort: byUsage('disk'),
      render: node => (
        <UsageCell usage={node.disk} thresholds={thresholds.disk} />
      ),
    },
    {
      title: t('nodes.columnPods'),
      field: 'pods',
      type: 'numeric',
      hidden: narrow,
    },
    {
      title: t('nodes.columnGpus'),
      field: 'gpus.allocatable',
      hidden: narrow || !withGpus,
      cellStyle: { whiteSpace: 'nowrap' },
      customSort: (a, b) => a.gpus.allocatable - b.gpus.allocatable,
      render: node =>
        node.gpus.allocatable > 0
          ? t('nodes.gpus', {
              requested: String(node.gpus.requested),
              allocatable: String(node.gpus.allocatable),
            })
          : t('common.none'),
    },
    {
      title: t('nodes.columnZone'),
      field: 'zone',
      hidden: narrow,
      cellStyle: { whiteSpace: 'nowrap' },
    },
    {
      title: t('nodes.columnCreated'),
      field: 'createdAt',
      hidden: narrow,
      cellStyle: { whiteSpace: 'nowrap' },
      render: node => (
        <span title={format.dateTime(node.createdAt)}>
          {format.ago(node.createdAt)}
        </span>
      ),
      customSort: (a, b) =>
        Date.parse(a.createdAt ?? '') - Date.parse(b.createdAt ?? ''),
    },
  ];

  return (
    <Table<NodeRow>
      title={t('nodes.tableTitle', { n: String(nodes.length) })}
      columns={columns}
      data={nodes}
      options={{
        paging: nodes.length > 25,
        pageSize: 25,
        padding: 'dense',
        search: nodes.length > 5,
      }}
      emptyContent={
        <Box p={2}>
          <Typography variant="body2">{t('nodes.empty')}</Typography>
        </Box>
      }
    />
  );
}
