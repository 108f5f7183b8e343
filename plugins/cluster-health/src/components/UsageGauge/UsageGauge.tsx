import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  ResourceUsage,
  ThresholdPair,
} from '@fdp/plugin-cluster-health-common';
import { formatPercent } from '../../format';
import { clusterHealthTranslationRef } from '../../translation';

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
  warningMark: { backgroundColor: theme.palette.warning.main },
  criticalMark: { backgroundColor: theme.palette.error.main },
}));

/** The palette colour of a usage level. */
export function usageColor(theme: Theme, level: UsageLevel): string {
  switch (level) {
    case 'ok':
      return theme.palette.success.main;
    case 'warning':
      return theme.palette.warning.main;
    case 'critical':
      return theme.palette.error.main;
    default:
      return theme.palette.text.disabled;
  }
}

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
  /** the resource's translated name */
  label: string;
  /** for test ids: cpu, memory, disk */
  resource: string;
  usage: ResourceUsage;
  thresholds: ThresholdPair;
  /** formats an amount of the resource, e.g. bytes as GiB */
  format: (amount: number) => string;
}) {
  const { label, resource, usage, thresholds, format } = props;
  const classes = useStyles();
  const usedPercent =
    usage.usedPercent ??
    (usage.used !== undefined
      ? percentOf(usage.used, usage.allocatable)
      : undefined);
  const requestedPercent =
    usage.requestedPercent ?? percentOf(usage.requested, usage.allocatable);
  const level = usageLevel(usedPercent, thresholds);
  const theme = useTheme();
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  const color = usageColor(theme, level);

  const usedText =
    usedPercent === undefined
      ? t('gauge.noMetrics')
      : t('gauge.used', {
          percent: formatPercent(usedPercent),
          used: format(usage.used ?? 0),
          allocatable: format(usage.allocatable),
        });
  const requestedText = t('gauge.requested', {
    requested: format(usage.requested),
    allocatable: format(usage.allocatable),
    percent: formatPercent(requestedPercent),
  });

  return (
    <Box mb={1.5} data-testid={`gauge-${resource}`}>
      <Box display="flex" justifyContent="space-between">
        <Typography variant="body2">
          <strong>{label}</strong>
        </Typography>
        <Typography
          variant="body2"
          style={{ color: level === 'ok' ? undefined : color }}
        >
          {usedText}
        </Typography>
      </Box>
      <div
        className={classes.track}
        role="meter"
        aria-label={t('gauge.usageOf', { resource: label })}
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
        <Tooltip
          title={t('gauge.warningAt', {
            percent: String(thresholds.warning),
          })}
        >
          <div
            className={`${classes.mark} ${classes.warningMark}`}
            data-testid="warning-mark"
            style={{ left: `${thresholds.warning}%` }}
          />
        </Tooltip>
        <Tooltip
          title={t('gauge.criticalAt', {
            percent: String(thresholds.critical),
          })}
        >
          <div
            className={`${classes.mark} ${classes.criticalMark}`}
            data-testid="critical-mark"
            style={{ left: `${thresholds.critical}%` }}
          />
        </Tooltip>
      </div>
      <Typography variant="caption" color="textSecondary">
        {requestedText}
      </Typography>
    </Box>
  );
}
