import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  HealthReason,
  HealthStatus,
  ReasonCode,
} from '@fdp/plugin-cluster-health-common';

const REASON_LABELS: Record<ReasonCode, string> = {
  CLUSTER_STALE: 'Data is stale',
  CLUSTER_SYNCING: 'Synchronising',
  CLUSTER_UNREACHABLE: 'Cluster unreachable',
  NO_NODES: 'No nodes',
  READY_BELOW_MIN: 'Ready nodes below minimum',
  NODE_NOT_READY: 'Node not ready',
  NODE_PRESSURE: 'Node under pressure',
  NODES_CORDONED: 'Nodes cordoned',
  ABOVE_MAX_SIZE: 'Above maximum size',
  AT_MAX_SIZE_AND_HOT: 'At maximum size and hot',
  CPU_WARNING: 'CPU high',
  CPU_CRITICAL: 'CPU critical',
  MEMORY_WARNING: 'Memory high',
  MEMORY_CRITICAL: 'Memory critical',
  DISK_WARNING: 'Disk high',
  DISK_CRITICAL: 'Disk critical',
  METRICS_UNAVAILABLE: 'Metrics unavailable',
  PODS_PENDING: 'Pods pending',
  GPU_EXHAUSTED: 'GPUs exhausted',
  REPLICAS_UNAVAILABLE: 'Replicas unavailable',
  HPA_AT_MAX: 'Autoscaler at maximum',
  HPA_UNABLE_TO_SCALE: 'Autoscaler unable to scale',
  HPA_METRICS_UNAVAILABLE: 'Autoscaler metrics unavailable',
  HPA_AND_VPA_ON_CPU: 'HPA and VPA both act on CPU',
};

/** A readable label for a reason code; unknown codes read as words. */
export function reasonLabel(code: string): string {
  if (code in REASON_LABELS) {
    return REASON_LABELS[code as ReasonCode];
  }
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const STATUS_LABELS: Record<HealthStatus, string> = {
  healthy: 'Healthy',
  warning: 'Warning',
  critical: 'Critical',
  unknown: 'Unknown',
};

/** A status as an icon and a word. */
export function HealthStatusLabel(props: { status: HealthStatus }) {
  const { status } = props;
  const label = STATUS_LABELS[status] ?? STATUS_LABELS.unknown;
  switch (status) {
    case 'healthy':
      return <StatusOK>{label}</StatusOK>;
    case 'warning':
      return <StatusWarning>{label}</StatusWarning>;
    case 'critical':
      return <StatusError>{label}</StatusError>;
    default:
      return <StatusPending>{label}</StatusPending>;
  }
}

/** One reason: a label for its code and the API's sentence. */
export function HealthReasonText(props: { reason: HealthReason }) {
  const { reason } = props;
  return (
    <span data-reason={reason.code}>
      <strong>{reasonLabel(reason.code)}</strong>
      {reason.message ? `: ${reason.message}` : ''}
    </span>
  );
}

/** The reasons behind a status, most severe first. */
export function HealthReasons(props: {
  reasons: HealthReason[];
  /** show at most this many, with "and N more" */
  max?: number;
  emptyText?: string;
}) {
  const { reasons, max, emptyText } = props;
  if (reasons.length === 0) {
    return emptyText ? (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    ) : null;
  }
  const sorted = sortReasons(reasons);
  const shown = max === undefined ? sorted : sorted.slice(0, max);
  const hidden = sorted.length - shown.length;
  return (
    <Box component="ul" m={0} pl={2}>
      {shown.map((reason, index) => (
        <Typography
          component="li"
          variant="body2"
          key={`${reason.code}-${index}`}
        >
          <HealthReasonText reason={reason} />
        </Typography>
      ))}
      {hidden > 0 && (
        <Typography component="li" variant="body2" color="textSecondary">
          and {hidden} more
        </Typography>
      )}
    </Box>
  );
}

const SEVERITY_RANK: Record<HealthReason['severity'], number> = {
  critical: 0,
  warning: 1,
  unknown: 2,
};

/** Reasons sorted most severe first, keeping the API's order otherwise. */
export function sortReasons(reasons: HealthReason[]): HealthReason[] {
  return reasons
    .map((reason, index) => ({ reason, index }))
    .sort(
      (a, b) =>
        (SEVERITY_RANK[a.reason.severity] ?? 3) -
          (SEVERITY_RANK[b.reason.severity] ?? 3) || a.index - b.index,
    )
    .map(({ reason }) => reason);
}
