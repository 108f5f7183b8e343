import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useLiveData } from '@fdp/live-data-react';
import { alertsApiRef } from '@fdp/plugin-alerts';
import {
  ALERTS_SIGNAL_CHANNEL,
  ALERT_PRIORITIES,
  priorityRank,
  type AlertPriority,
  type NormalizedAlert,
} from '@fdp/plugin-alerts-common';
import { formatTime } from '../../format';
import { useLinks } from '../../hooks/useLinks';
import { operationsTranslationRef } from '../../translation';
import { MaybeLink, OverviewCard } from '../OverviewCard';
import { Severity, StatusText } from '../StatusText';

/** How many of the worst firing alerts the card lists. */
export const WORST_ALERTS = 3;

export const PRIORITY_SEVERITY: Record<AlertPriority, Severity> = {
  high: 'error',
  medium: 'warning',
  low: 'unknown',
  none: 'unknown',
};

/** Highest priority first, then the longest firing. */
export function worstAlerts(
  alerts: NormalizedAlert[],
  count = WORST_ALERTS,
): NormalizedAlert[] {
  return [...alerts]
    .sort(
      (a, b) =>
        priorityRank(a.priority) - priorityRank(b.priority) ||
        a.startsAt.localeCompare(b.startsAt),
    )
    .slice(0, count);
}

/** The overview's alerts card: firing alerts per priority and the worst ones. */
export function AlertsCard() {
  const api = useApi(alertsApiRef);
  const { t } = useTranslationRef(operationsTranslationRef);
  const links = useLinks();
  const data = useLiveData(
    ALERTS_SIGNAL_CHANNEL,
    () => api.getAlerts({ state: 'firing' }),
    [api],
  );
  return (
    <OverviewCard
      source="alerts"
      data={data}
      link={links.alerts({ state: 'firing' })}
    >
      {value => {
        const worst = worstAlerts(value.alerts);
        const more = value.alerts.length - worst.length;
        return (
          <>
            {value.errors.map(error => (
              <Typography
                key={error.source}
                variant="body2"
                color="error"
                data-testid="alerts-source-down"
              >
                {t('alerts.sourceDown', { source: error.source })}
              </Typography>
            ))}
            <Box display="flex" flexWrap="wrap" mb={1}>
              {ALERT_PRIORITIES.filter(p => p !== 'none').map(priority => (
                <Box key={priority} mr={2} data-testid={`alerts-${priority}`}>
                  <Typography variant="body2" component="span">
                    <StatusText
                      severity={
                        value.counts[priority] > 0
                          ? PRIORITY_SEVERITY[priority]
                          : 'ok'
                      }
                    >
                      <MaybeLink
                        to={links.alerts({ state: 'firing', priority })}
                      >
                        {t(`priority.${priority}`)}{' '}
                        <strong>{value.counts[priority]}</strong>
                      </MaybeLink>
                    </StatusText>
                  </Typography>
                </Box>
              ))}
            </Box>
            {worst.length === 0 ? (
              <Typography variant="h6" component="p">
                <StatusText severity="ok">{t('alerts.empty')}</StatusText>
              </Typography>
            ) : (
              <>
                <Typography variant="overline" component="p">
                  {t('alerts.worst')}
                </Typography>
                {worst.map(alert => (
                  <Box key={alert.fingerprint} data-testid="alerts-worst">
                    <Typography variant="body2" noWrap>
                      <StatusText severity={PRIORITY_SEVERITY[alert.priority]}>
                        <strong>{alert.name}</strong>
                        {alert.summary ? ` — ${alert.summary}` : ''}
                      </StatusText>
                    </Typography>
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      component="p"
                    >
                      {t('alerts.since', { time: formatTime(alert.startsAt) })}
                    </Typography>
                  </Box>
                ))}
                {more > 0 && (
                  <Typography variant="body2" color="textSecondary">
                    {t('card.more', { number: String(more) })}
                  </Typography>
                )}
              </>
            )}
          </>
        );
      }}
    </OverviewCard>
  );
}
