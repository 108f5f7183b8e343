import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import {
  REASON_CODES,
  type HealthReason,
  type HealthStatus,
  type ReasonCode,
} from '@fdp/plugin-cluster-health-common';
import { clusterHealthTranslationRef } from '../../translation';

/** A translated label for a reason code; unknown codes read as words. */
export function useReasonLabel(): (code: string) => string {
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  return code => {
    if (REASON_CODES.includes(code as ReasonCode)) {
      return t(`reason.${code as ReasonCode}`);
    }
    const words = code.toLowerCase().replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  };
}

/** A status as an icon and a word. */
export function HealthStatusLabel(props: { status: HealthStatus }) {
  const { status } = props;
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  switch (status) {
    case 'healthy':
      return <StatusOK>{t('status.healthy')}</StatusOK>;
    case 'warning':
      return <StatusWarning>{t('status.warning')}</StatusWarning>;
    case 'critical':
      return <StatusError>{t('status.critical')}</StatusError>;
    default:
      return <StatusPending>{t('status.unknown')}</StatusPending>;
  }
}

/** One reason: a label for its code and the API's sentence. */
export function HealthReasonText(props: { reason: HealthReason }) {
  const { reason } = props;
  const label = useReasonLabel();
  return (
    <span data-reason={reason.code}>
      <strong>{label(reason.code)}</strong>
      {reason.message ? `: ${reason.message}` : ''}
    </span>
  );
}

/** The reasons behind a status, most severe first. */
export function HealthReasons(props: {
  reasons: HealthReason[];
  /** show at most this many, with "and N more" */
  max?: number;
}) {
  const { reasons, max } = props;
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  if (reasons.length === 0) {
    return null;
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
          {t('reason.more', { n: String(hidden) })}
        </Typography>
      )}
    </Box>
  );
}

/**
 * The most severe reason's label on one line, the others behind a count;
 * every reason with its sentence in a tooltip. For table cells.
 */
export function CompactReasons(props: {
  reasons: HealthReason[];
  /** more lines for the tooltip, e.g. a node's abnormal conditions */
  extra?: string[];
  testId?: string;
}) {
  const { reasons, extra = [], testId } = props;
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  const label = useReasonLabel();
  if (reasons.length === 0 && extra.length === 0) {
    return null;
  }
  const sorted = sortReasons(reasons);
  const more = sorted.length - 1;
  const summary = sorted.length
    ? `${label(sorted[0].code)}${
        more > 0 ? ` ${t('reason.moreShort', { n: String(more) })}` : ''
      }`
    : extra[0];
  return (
    <Tooltip
      title={
        <Box data-testid={testId}>
          {sorted.map((reason, index) => (
            <div key={`${reason.code}-${index}`}>
              <HealthReasonText reason={reason} />
            </div>
          ))}
          {extra.map(line => (
            <div key={line}>{line}</div>
          ))}
        </Box>
      }
    >
      <Typography
        variant="caption"
        color="textSecondary"
        component="div"
        tabIndex={0}
        style={{ whiteSpace: 'nowrap' }}
      >
        {summary}
      </Typography>
    </Tooltip>
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
