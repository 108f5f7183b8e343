import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useLiveData } from '@fdp/live-data-react';
import { clusterHealthApiRef } from '@fdp/plugin-cluster-health';
import { CLUSTER_HEALTH_SIGNAL_CHANNEL } from '@fdp/plugin-cluster-health-common';
import { formatTime } from '../../format';
import { operationsTranslationRef } from '../../translation';
import { StatusText } from '../StatusText';

/**
 * The entity's recent deploys: each deployment's latest revisions (its
 * ReplicaSet history), newest first, with images and ready replicas.
 */
export function RecentDeploysCard() {
  const { entity } = useEntity();
  const api = useApi(clusterHealthApiRef);
  const { t } = useTranslationRef(operationsTranslationRef);
  const ref = stringifyEntityRef(entity);
  const data = useLiveData(
    CLUSTER_HEALTH_SIGNAL_CHANNEL,
    () => api.getDeploymentHistory(ref),
    [api, ref],
  );
  let body;
  if (data.value) {
    const { deployments, errors } = data.value;
    body = (
      <>
        {data.error && (
          <Typography variant="body2" color="error" role="status">
            {t('card.stale', {
              source: t('source.deploys'),
              message: data.error.message,
            })}
          </Typography>
        )}
        {errors.map(e => (
          <Typography key={e.cluster} variant="body2" color="error">
            {t('deploys.clusterError', {
              cluster: e.cluster,
              message: e.message,
            })}
          </Typography>
        ))}
        {deployments.length === 0 && (
          <Typography variant="body2">{t('deploys.empty')}</Typography>
        )}
        {deployments.map(d => (
          <Box key={`${d.cluster}/${d.namespace}/${d.name}`} mb={2}>
            <Typography variant="subtitle2" component="h3">
              {d.cluster} / {d.namespace} / {d.name}
            </Typography>
            {d.revisions.map(r => (
              <Box
                key={r.replicaSet}
                display="flex"
                flexWrap="wrap"
                alignItems="baseline"
                data-testid={`deploy-${d.name}-${r.revision}`}
              >
                <Box mr={2} minWidth={150}>
                  <Typography variant="body2" component="span">
                    <StatusText
                      severity={
                        r.replicas.ready >= r.replicas.desired
                          ? 'ok'
                          : 'warning'
                      }
                    >
                      {t(r.current ? 'deploys.current' : 'deploys.revision', {
                        revision: String(r.revision),
                      })}
                    </StatusText>
                  </Typography>
                </Box>
                <Box mr={2} minWidth={130}>
                  <Typography variant="body2" color="textSecondary">
                    {formatTime(r.createdAt)}
                  </Typography>
                </Box>
                <Box mr={2}>
                  <Typography variant="body2" color="textSecondary">
                    {t('deploys.replicas', {
                      ready: String(r.replicas.ready),
                      desired: String(r.replicas.desired),
                    })}
                  </Typography>
                </Box>
                <Typography
                  variant="body2"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {r.images.join(', ')}
                </Typography>
              </Box>
            ))}
          </Box>
        ))}
      </>
    );
  } else if (data.error) {
    body = (
      <Typography variant="body2" color="error" role="alert">
        {t('card.error', {
          source: t('source.deploys'),
          message: data.error.message,
        })}
      </Typography>
    );
  } else {
    body = <Progress />;
  }
  return (
    <InfoCard title={t('title.deploys')}>
      <Box data-testid="recent-deploys">{body}</Box>
    </InfoCard>
  );
}
