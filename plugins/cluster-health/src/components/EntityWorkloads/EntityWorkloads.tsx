import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
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
import { formatDuration, formatPercent } from '../../format';
import { useLiveData } from '../../hooks/useLiveData';
import { HealthReasons, HealthStatusLabel } from '../HealthStatus';

const METRIC_NAMES: Record<string, string> = {
  cpu: 'CPU',
  memory: 'Memory',
};

/** `CPU 52% / 70%` for a metric's current value against its target. */
export function metricText(metric: HpaMetric): string {
  const name = METRIC_NAMES[metric.name] ?? metric.name;
  const format = (value: number | undefined) => {
    if (value === undefined) {
      return '?';
    }
    if (metric.type === 'Utilization') {
      return formatPercent(value);
    }
    return metric.name === 'memory' ? formatBytes(value) : `${value}`;
  };
  return `${name} ${format(metric.current)} / ${format(metric.target)}`;
}

function conditionText(condition: HpaCondition): string {
  const reason = condition.reason ? ` (${condition.reason})` : '';
  const message = condition.message ? `: ${condition.message}` : '';
  return `${condition.type} ${condition.status}${reason}${message}`;
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
  const pinnedFor =
    hpa.pinnedAtMaxSince !== undefined
      ? now - Date.parse(hpa.pinnedAtMaxSince)
      : undefined;
  return (
    <Section title={`Horizontal autoscaler ${hpa.name}`}>
      <Box display="flex" alignItems="center">
        <HealthStatusLabel status={hpa.status} />
      </Box>
      <Typography variant="body2">
        Replicas{' '}
        <strong data-testid="hpa-replicas">
          {hpa.currentReplicas} / {hpa.maxReplicas}
        </strong>{' '}
        (current / max; desired {hpa.desiredReplicas}, min {hpa.minReplicas})
        {pinnedFor !== undefined && Number.isFinite(pinnedFor) && (
          <>
            {' '}
            — <strong>pinned at max for {formatDuration(pinnedFor)}</strong>
          </>
        )}
      </Typography>
      {hpa.metrics.map(metric => (
        <Typography variant="body2" key={`${metric.name}-${metric.type}`}>
          {metricText(metric)}
          {metric.type === 'Utilization' ? ' (current / target)' : ''}
        </Typography>
      ))}
      {hpa.conditions.length > 0 && (
        <Box component="ul" m={0} pl={2}>
          {hpa.conditions.map(condition => (
            <Typography component="li" variant="body2" key={condition.type}>
              {conditionText(condition)}
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
  return (
    <Section title={`Vertical autoscaler ${vpa.name}`}>
      <Typography variant="body2">
        Update mode <strong>{vpa.updateMode ?? 'Auto'}</strong>, controls{' '}
        {vpa.controlledResources.join(' and ') || 'cpu and memory'}
      </Typography>
      {vpa.recommendations.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No recommendation yet.
        </Typography>
      ) : (
        vpa.recommendations.map(rec => (
          <Typography
            variant="body2"
            key={rec.container}
            data-testid={`vpa-${rec.container}`}
          >
            {rec.container}: target cpu {rec.target.cpu ?? '–'}, memory{' '}
            {rec.target.memory ?? '–'}
            {rec.lowerBound || rec.upperBound
              ? ` (range cpu ${rec.lowerBound?.cpu ?? '?'}–${
                  rec.upperBound?.cpu ?? '?'
                }, memory ${rec.lowerBound?.memory ?? '?'}–${
                  rec.upperBound?.memory ?? '?'
                })`
              : ''}
          </Typography>
        ))
      )}
    </Section>
  );
}

function ContainersTable(props: { workload: WorkloadHealth }) {
  const { containers } = props.workload;
  if (containers.length === 0) {
    return null;
  }
  return (
    <Section title="Containers">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Container</TableCell>
            <TableCell>Requests</TableCell>
            <TableCell>Limits</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {containers.map(c => (
            <TableRow key={c.name}>
              <TableCell>{c.name}</TableCell>
              <TableCell>
                cpu {c.requests.cpu ?? '–'}, memory {c.requests.memory ?? '–'}
              </TableCell>
              <TableCell>
                cpu {c.limits.cpu ?? '–'}, memory {c.limits.memory ?? '–'}
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
        Replicas: desired {replicas.desired} · ready {replicas.ready} ·
        available {replicas.available} · updated {replicas.updated}
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
  return (
    <>
      {errors.map(e => (
        <Box mb={1} key={e.cluster}>
          <Alert severity="warning">
            Cluster {e.cluster}: {e.message}
          </Alert>
        </Box>
      ))}
      {workloads.length === 0 ? (
        <EmptyState
          missing="data"
          title="No workloads found"
          description="No deployments carry this entity's backstage.io/kubernetes-id label in the clusters that could be read."
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
  const { value, error, loading } = useLiveData(
    () => api.getWorkloads(entityRef),
    [api, entityRef],
  );
  if (loading) {
    return <Progress />;
  }
  if (!value) {
    return <ResponseErrorPanel error={error ?? new Error('No data')} />;
  }
  return (
    <>
      {error && (
        <Box mb={2}>
          <Alert severity="warning">
            Could not refresh: {error.message}. Showing the last data.
          </Alert>
        </Box>
      )}
      <WorkloadsView response={value} />
    </>
  );
}
