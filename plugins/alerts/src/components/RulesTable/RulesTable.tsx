import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { priorityRank, type AlertRule } from '@fdp/plugin-alerts-common';
import { alertsApiRef } from '../../api';
import { formatAgo, formatFor, formatTime } from '../../format';
import { useLiveData } from '../../hooks/useLiveData';
import { PriorityChip } from '../PriorityChip';
import { RefreshError, SourceErrors } from '../SourceErrors';

const RULE_STATE_COLORS: Record<AlertRule['state'], string | undefined> = {
  firing: '#d32f2f',
  pending: '#ed6c02',
  inactive: undefined,
};

const columns: TableColumn<AlertRule>[] = [
  { title: 'Group', field: 'group', defaultSort: 'asc' },
  { title: 'Name', field: 'name', highlight: true },
  {
    title: 'Priority',
    field: 'priority',
    customSort: (a, b) => priorityRank(a.priority) - priorityRank(b.priority),
    render: r => <PriorityChip priority={r.priority} />,
  },
  {
    title: 'State',
    field: 'state',
    render: r => (
      <span style={{ color: RULE_STATE_COLORS[r.state], fontWeight: 600 }}>
        {r.state}
      </span>
    ),
  },
  {
    title: 'Health',
    field: 'health',
    render: r => (
      <>
        <Typography
          variant="body2"
          color={r.health === 'ok' ? 'textPrimary' : 'error'}
        >
          {r.health}
        </Typography>
        {r.lastError && (
          <Typography variant="caption" color="error">
            {r.lastError}
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Last evaluation',
    field: 'lastEvaluation',
    render: r => (
      <span title={formatTime(r.lastEvaluation)}>
        {formatAgo(r.lastEvaluation)}
      </span>
    ),
  },
  {
    title: 'For',
    field: 'duration',
    type: 'numeric',
    render: r => formatFor(r.duration),
  },
  {
    title: 'Query',
    field: 'query',
    sorting: false,
    render: r => (
      <Typography
        variant="body2"
        component="code"
        style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
      >
        {r.query}
      </Typography>
    ),
  },
  { title: 'Active alerts', field: 'activeAlerts', type: 'numeric' },
];

/** The rules tab: every alerting rule with its state, health and query. */
export function RulesTable() {
  const api = useApi(alertsApiRef);
  const { value, error, loading } = useLiveData(() => api.getRules(), [api]);

  if (loading) {
    return <Progress />;
  }
  if (!value) {
    return <ResponseErrorPanel error={error ?? new Error('No data')} />;
  }
  return (
    <>
      <RefreshError error={error} />
      <SourceErrors errors={value.errors} />
      {value.rules.length === 0 ? (
        <EmptyState
          missing="data"
          title="No alerting rules"
          description="No Prometheus source returned alerting rules."
        />
      ) : (
        <Table<AlertRule>
          title={`Rules (${value.rules.length})`}
          columns={columns}
          data={value.rules}
          options={{
            paging: value.rules.length > 50,
            pageSize: 50,
            padding: 'dense',
            search: true,
          }}
          emptyContent={
            <Box p={2}>
              <Typography variant="body2">No rules match.</Typography>
            </Box>
          }
        />
      )}
    </>
  );
}
