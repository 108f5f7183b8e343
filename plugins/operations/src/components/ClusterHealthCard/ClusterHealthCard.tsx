import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import Box from '@material-ui/core/Box';
import { useLiveData } from '@fdp/live-data-react';
import { clusterHealthApiRef } from '@fdp/plugin-cluster-health';
import {
  CLUSTER_HEALTH_SIGNAL_CHANNEL,
  type HealthStatus,
} from '@fdp/plugin-cluster-health-common';
import { formatTime } from '../../format';
import { useLinks } from '../../hooks/useLinks';
import { operationsTranslationRef } from '../../translation';
import { MaybeLink, OverviewCard } from '../OverviewCard';
import { Severity, StatusText } from '../StatusText';
import { summarizeClusters } from './summarize';

/** The severity a health status is shown with. */
export const HEALTH_SEVERITY: Record<HealthStatus, Severity> = {
  healthy: 'ok',
  warning: 'warning',
  critical: 'error',
  unknown: 'unknown',
};

/** The overview's cluster health card: the worst node pool and why. */
export function ClusterHealthCard() {
  const api = useApi(clusterHealthApiRef);
  const { t } = useTranslationRef(operationsTranslationRef);
  const links = useLinks();
  const data = useLiveData(
    CLUSTER_HEALTH_SIGNAL_CHANNEL,
    () => api.getClusters(),
    [api],
  );
  const summary = data.value ? summarizeClusters(data.value) : undefined;
  const worst = summary?.worst?.pool;
  return (
    <OverviewCard
      source="clusterHealth"
      data={data}
      link={
        worst ? links.nodePool(worst.cluster, worst.name) : links.clusterHealth
      }
    >
      {() => {
        if (!summary || summary.pools === 0) {
          return (
            <Typography variant="body2">{t('clusterHealth.empty')}</Typography>
          );
        }
        return (
          <>
            {summary.stale.map(cluster => (
              <Typography
                key={cluster.name}
                variant="body2"
                color="error"
                data-testid="clusterHealth-cluster-stale"
              >
                {t('clusterHealth.clusterStale', {
                  cluster: cluster.name,
                  time: formatTime(cluster.lastSyncAt),
                })}
              </Typography>
            ))}
            {summary.worst ? (
              <Box mb={1} data-testid="clusterHealth-worst">
                <Typography variant="overline" component="p">
                  {t('clusterHealth.worstPool')}
                </Typography>
                <Typography variant="h6" component="p">
                  <StatusText
                    severity={HEALTH_SEVERITY[summary.worst.pool.status]}
                  >
                    <MaybeLink
                      to={links.nodePool(
                        summary.worst.pool.cluster,
                        summary.worst.pool.name,
                      )}
                    >
                      {summary.worst.pool.cluster} / {summary.worst.pool.name}
                    </MaybeLink>
                    {' — '}
                    {t(`status.${summary.worst.pool.status}`)}
                  </StatusText>
                </Typography>
                {summary.worst.reason && (
                  <Typography variant="body2" color="textSecondary">
                    {summary.worst.reason.message}
                  </Typography>
                )}
              </Box>
            ) : (
              <Typography variant="h6" component="p">
                <StatusText severity="ok">
                  {t('clusterHealth.allHealthy', {
                    pools: String(summary.pools),
                  })}
                </StatusText>
              </Typography>
            )}
            <Typography variant="body2" color="textSecondary">
              {t('clusterHealth.poolsByStatus', {
                critical: String(summary.byStatus.critical),
                warning: String(summary.byStatus.warning),
                healthy: String(summary.byStatus.healthy),
              })}
            </Typography>
          </>
        );
      }}
    </OverviewCard>
  );
}
