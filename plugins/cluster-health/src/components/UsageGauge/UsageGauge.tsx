import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import type {
  ResourceUsage,
  ThresholdPair,
} from '@fdp/plugin-cluster-health-common';
import { formatPercent } from '../../format';

const useStyles = makeStyles((theme: Theme) => ({
  track: {
    position: 'relative',
    height: 10,
    borderRadius: 5,
    backgroundColor: theme.palette.action.hover,
    overflow: 'visible',
  },
  requested: {
    position: 'absolute',
    top: 0,
    left: 0,
    height: '100%',
    borderRadius: 5,
    backgroundColor: theme.palette.action.selected,
  },
  used: {
    position: 'absolute',
    top: 2,
    left: 0,
    height: 6,
    borderRadius: 3,
  },
  mark: {
    position: 'absolute',
    top: -3,
    width: 2,
    height: 16,
  },
}));

export type UsageLevel = 'ok' | 'warning' | 'critical' | 'unknown';

/** Where a usage percentage stands against its thresholds. */
export function usageLevel(
  percent: number | undefined,
  thresholds: ThresholdPair,
): UsageLevel {
  if (percent === undefined) {
    return 'unknown';
  }
  if (percent >= thresholds.critical) {
    return 'critical';
  }
  if (percent >= thresholds.warning) {
    return 'warning';
  }
  return 'ok';
}

function clamp(value: number): number {
  return Math.max(0, Math.min(100, value));
}

function percentOf(part: number, whole: number): number | undefined {
  return whole > 0 ? (part / whole) * 100 : undefined;
}

/**
 * Usage of one resource against allocatable, with the warning and critical
 * marks, and how much is requested.
 */
export function UsageGauge(props: {
  label: string;
  usage: ResourceUsage;
  thresholds: ThresholdPair;
  /** formats an amount of the resource, e.g. bytes as GiB */
  format: (amount: number) => string;
}) {
  const { label, usage, thresholds, format } = props;
  const classes = useStyles();
  const usedPercent =
    usage.usedPercent ??
    (usage.used !== undefined
      ? percentOf(usage.used, usage.allocatable)
      : undefined);
  const requestedPercent =
    usage.requestedPercent ?? percentOf(usage.requested, usage.allocatable);
  const level = usageLevel(usedPercent, thresholds);
  const color = {
    ok: '#2e7d32',
    warning: '#ed6c02',
    critical: '#d32f2f',
    unknown: '#9e9e9e',
  }[level];

  const usedText =
    usedPercent === undefined
      ? 'no metrics'
      : `${formatPercent(usedPercent)} used (${format(
          usage.used ?? 0,
        )} of ${format(usage.allocatable)})`;
  const requestedText = `requested ${format(usage.requested)} / ${format(
    usage.allocatable,
  )} allocatable (${formatPercent(requestedPercent)})`;

  return (
    <Box mb={1.5} data-testid={`gauge-${label.toLowerCase()}`}>
      <Box display="flex" justifyContent="space-between">
        <Typography variant="body2">
          <strong>{label}</strong>
        </Typography>
        <Typography variant="body2" style={{ color }}>
          {usedText}
        </Typography>
      </Box>
      <div
        className={classes.track}
        role="meter"
        aria-label={`${label} usage`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={
          usedPercent === undefined ? undefined : Math.round(usedPercent)
        }
      >
        {requestedPercent !== undefined && (
          <div
            className={classes.requested}
            style={{ width: `${clamp(requestedPercent)}%` }}
          />
        )}
        {usedPercent !== undefined && (
          <div
            className={classes.used}
            style={{ width: `${clamp(usedPercent)}%`, backgroundColor: color }}
          />
        )}
        <Tooltip title={`warning at ${thresholds.warning}%`}>
          <div
            className={classes.mark}
            data-testid="warning-mark"
            style={{
              left: `${thresholds.warning}%`,
              backgroundColor: '#ed6c02',
            }}
          />
        </Tooltip>
        <Tooltip title={`critical at ${thresholds.critical}%`}>
          <div
            className={classes.mark}
            data-testid="critical-mark"
            style={{
              left: `${thresholds.critical}%`,
              backgroundColor: '#d32f2f',
            }}
          />
        </Tooltip>
      </div>
      <Typography variant="caption" color="textSecondary">
        {requestedText}
      </Typography>
    </Box>
  );
}
