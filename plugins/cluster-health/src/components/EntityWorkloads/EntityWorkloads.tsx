import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  HpaCondition,
  HpaHealth,
  HpaMetric,
  VpaHealth,
  WorkloadHealth,
  WorkloadsResponse,
} from '@fdp/plugin-cluster-health-common';
import { clusterHealthApiRef } from '../../api';
import { formatBytes } from '@fdp/plugin-cluster-health-common';
import { useFormatters } from '@fdp/live-data-react';
import { formatPercent } from '../../format';
import { useLiveData } from '../../hooks/useLiveData';
import {
  clusterHealthTranslationRef,
  type ClusterHealthT,
} from '../../translation';
import { HealthReasons, HealthStatusLabel } from '../HealthStatus';

/** `CPU 52% / 70%` for a metric's current value against its target. */
export function metricText(metric: HpaMetric, t: ClusterHealthT): string {
  let name = metric.name;
  if (metric.name === 'cpu') {
    name = t('gauge.cpu');
  } else if (metric.name === 'memory') {
    name = t('gauge.memory');
  }
  const format = (value: number | undefined) => {
    if (value === undefined) {
      return '?';
    }
    if (metric.type === 'Utilization') {
      return formatPercent(value);
    }
    return metric.name === 'memory' ? formatBytes(value) : `${value}`;
  };
  return t('entity.metric', {
    name,
    current: format(metric.current),
    target: format(metric.target),
  });
}

function conditionText(condition: HpaCondition, t: ClusterHealthT): string {
  return t('entity.condition', {
    type: condition.type,
    status: condition.status,
    reason: condition.reason ? ` (${condition.reason})` : '',
    message: condition.message ? `: ${condition.message}` : '',
  });
}

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Box mt={1.5}>
      <Typography variant="subtitle2">{props.title}</Typography>
      {props.children}
    </Box>
  );
}

function HpaView(props: { hpa: HpaHealth; now: number }) {
  const { hpa, now } = props;
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  const format = useFormatters();
  const pinnedFor =
    hpa.pinnedAtMaxSince !== undefined
      ? now - Date.parse(hpa.pinnedAtMaxSince)
      : undefined;
  return (
    <Section title={t('entity.hpaTitle', { name: hpa.name })}>
      <Box display="flex" alignItems="center">
        <HealthStatusLabel status={hpa.status} />
      </Box>
      <Typography variant="body2">
        {t('entity.hpaReplicas')}{' '}
        <strong data-testid="hpa-replicas">
          {hpa.currentReplicas} / {hpa.maxReplicas}
        </strong>{' '}
        {t('entity.hpaReplicasDetail', {
          desired: String(hpa.desiredReplicas),
          min: String(hpa.minReplicas),
        })}
        {pinnedFor !== undefined && Number.isFinite(pinnedFor) && (
          <>
            {' — '}
            <strong>
              {t('entity.pinnedAtMax', {
                duration: format.duration(pinnedFor),
              })}
            </strong>
          </>
        )}
      </Typography>
      {hpa.metrics.map(metric => (
        <Typography variant="body2" key={`${metric.name}-${metric.type}`}>
          {metricText(metric, t)}
          {metric.type === 'Utilization' ? ` ${t('entity.currentTarget')}` : ''}
        </Typography>
      ))}
      {hpa.conditions.length > 0 && (
        <Box component="ul" m={0} pl={2}>
          {hpa.conditions.map(condition => (
            <Typography component="li" variant="body2" key={condition.type}>
              {conditionText(condition, t)}
            </Typography>
          ))}
        </Box>
      )}
      <HealthReasons reasons={hpa.reasons} />
    </Section>
  );
}

function VpaView(props: { vpa: VpaHealth }) {
  const { vpa } = props;
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  return (
    <Section title={t('entity.vpaTitle', { name: vpa.name })}>
      <Typography variant="body2">
        {t('entity.vpaMode', {
          mode: vpa.updateMode ?? 'Auto',
          resources:
            vpa.controlledResources.join(t('entity.and')) ||
            t('entity.vpaDefaultResources'),
        })}
      </Typography>
      {vpa.recommendations.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('entity.noRecommendation')}
        </Typography>
      ) : (
        vpa.recommendations.map(rec => (
          <Typography
            variant="body2"
            key={rec.container}
            data-testid={`vpa-${rec.container}`}
          >
            {rec.lowerBound || rec.upperBound
              ? t('entity.recommendationRange', {
                  container: rec.container,
                  cpu: rec.target.cpu ?? '–',
                  memory: rec.target.memory ?? '–',
                  cpuLow: rec.lowerBound?.cpu ?? '?',
                  cpuHigh: rec.upperBound?.cpu ?? '?',
                  memoryLow: rec.lowerBound?.memory ?? '?',
                  memoryHigh: rec.upperBound?.memory ?? '?',
                })
              : t('entity.recommendation', {
                  container: rec.container,
                  cpu: rec.target.cpu ?? '–',
                  memory: rec.target.memory ?? '–',
                })}
          </Typography>
        ))
      )}
    </Section>
  );
}

function ContainersTable(props: { workload: WorkloadHealth }) {
  const { containers } = props.workload;
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  if (containers.length === 0) {
    return null;
  }
  return (
    <Section title={t('entity.containers')}>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('entity.container')}</TableCell>
            <TableCell>{t('entity.requests')}</TableCell>
            <TableCell>{t('entity.limits')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {containers.map(c => (
            <TableRow key={c.name}>
              <TableCell>{c.name}</TableCell>
              <TableCell>
                {t('entity.resources', {
                  cpu: c.requests.cpu ?? '–',
                  memory: c.requests.memory ?? '–',
                })}
              </TableCell>
              <TableCell>
                {t('entity.resources', {
                  cpu: c.limits.cpu ?? '–',
                  memory: c.limits.memory ?? '–',
                })}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

/** One deployment with its replicas, containers and autoscalers. */
export function WorkloadView(props: {
  workload: WorkloadHealth;
  now?: number;
}) {
  const { workload, now = Date.now() } = props;
  const { replicas } = workload;
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  return (
    <Box
      component="section"
      mb={2}
      data-testid={`workload-${workload.cluster}-${workload.namespace}-${workload.name}`}
    >
      <Box display="flex" alignItems="center" flexWrap="wrap">
        <Box mr={2}>
          <Typography variant="h6" component="h3">
            {workload.cluster} / {workload.namespace} / {workload.name}
          </Typography>
        </Box>
        <HealthStatusLabel status={workload.status} />
      </Box>
      <HealthReasons reasons={workload.reasons} />
      <Typography variant="body2">
        {t('entity.replicas', {
          desired: String(replicas.desired),
          ready: String(replicas.ready),
          available: String(replicas.available),
          updated: String(replicas.updated),
        })}
      </Typography>
      <ContainersTable workload={workload} />
      {workload.hpa && <HpaView hpa={workload.hpa} now={now} />}
      {workload.vpa && <VpaView vpa={workload.vpa} />}
    </Box>
  );
}

/** The workloads of an entity, with clusters that could not be read. */
export function WorkloadsView(props: { response: WorkloadsResponse }) {
  const { workloads, errors } = props.response;
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  return (
    <>
      {errors.map(e => (
        <Box mb={1} key={e.cluster}>
          <Alert severity="warning">
            {t('entity.clusterError', {
              cluster: e.cluster,
              message: e.message,
            })}
          </Alert>
        </Box>
      ))}
      {workloads.length === 0 ? (
        <EmptyState
          missing="data"
          title={t('entity.noWorkloadsTitle')}
          description={t('entity.noWorkloadsDescription')}
        />
      ) : (
        workloads.map((workload, index) => (
          <div
            key={`${workload.cluster}/${workload.namespace}/${workload.name}`}
          >
            {index > 0 && (
              <Box mb={2}>
                <Divider />
              </Box>
            )}
            <WorkloadView workload={workload} />
          </div>
        ))
      )}
    </>
  );
}

/** Loads the current entity's workloads and shows them. */
export function EntityWorkloads() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(clusterHealthApiRef);
  const { t } = useTranslationRef(clusterHealthTranslationRef);
  const { value, error, loading } = useLiveData(
    () => api.getWorkloads(entityRef),
    [api, entityRef],
  );
  if (loading) {
    return <Progress />;
  }
  if (!value) {
    return (
      <ResponseErrorPanel error={error ?? new Error(t('common.noData'))} />
    );
  }
  return (
    <>
      {error && (
        <Box mb={2}>
          <Alert severity="warning">
            {t('common.refreshFailed', { message: error.message })}
          </Alert>
        </Box>
      )}
      <WorkloadsView response={value} />
    </>
  );
}
