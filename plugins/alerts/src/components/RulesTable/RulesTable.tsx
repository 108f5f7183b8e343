import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusPending,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { priorityRank, type AlertRule } from '@fdp/plugin-alerts-common';
import { useFormatters } from '@fdp/live-data-react';
import { alertsApiRef } from '../../api';
import { useLiveData } from '../../hooks/useLiveData';
import { useNarrow } from '../../hooks/useNarrow';
import { alertsTranslationRef } from '../../translation';
import { PriorityChip, RuleStateLabel } from '../PriorityChip';
import { RefreshError, SourceErrors } from '../SourceErrors';
import { wrapCode } from '../tableStyles';

function RuleHealth(props: { rule: AlertRule }) {
  const { rule } = props;
  const { t } = useTranslationRef(alertsTranslationRef);
  if (rule.health === 'ok') {
    return <StatusOK>{t('rules.healthOk')}</StatusOK>;
  }
  return (
    <>
      {rule.health === 'err' ? (
        <StatusError>{t('rules.healthErr')}</StatusError>
      ) : (
        <StatusPending>{t('rules.healthUnknown')}</StatusPending>
      )}
      {rule.lastError && (
        <Typography variant="caption" color="error" component="div">
          {rule.lastError}
        </Typography>
      )}
    </>
  );
}

/** The rules tab: every alerting rule with its state, health and query. */
export function RulesTable() {
  const api = useApi(alertsApiRef);
  const { t } = useTranslationRef(alertsTranslationRef);
  const format = useFormatters();
  const narrow = useNarrow();
  const { value, error, loading } = useLiveData(() => api.getRules(), [api]);

  if (loading) {
    return <Progress />;
  }
  if (!value) {
    return (
      <ResponseErrorPanel error={error ?? new Error(t('common.noData'))} />
    );
  }

  const columns: TableColumn<AlertRule>[] = [
    {
      title: t('rules.columnGroup'),
      field: 'group',
      defaultSort: 'asc',
      hidden: narrow,
      cellStyle: { whiteSpace: 'nowrap' },
    },
    {
      title: t('rules.columnName'),
      field: 'name',
      highlight: true,
      cellStyle: { whiteSpace: 'nowrap' },
    },
    {
      title: t('rules.columnPriority'),
      field: 'priority',
      customSort: (a, b) => priorityRank(a.priority) - priorityRank(b.priority),
      render: r => <PriorityChip priority={r.priority} />,
    },
    {
      title: t('rules.columnState'),
      field: 'state',
      cellStyle: { whiteSpace: 'nowrap' },
      render: r => <RuleStateLabel state={r.state} />,
    },
    {
      title: t('rules.columnHealth'),
      field: 'health',
      hidden: narrow,
      cellStyle: { whiteSpace: 'nowrap' },
      render: r => <RuleHealth rule={r} />,
    },
    {
      title: t('rules.columnLastEvaluation'),
      field: 'lastEvaluation',
      hidden: narrow,
      cellStyle: { whiteSpace: 'nowrap' },
      render: r => (
        <span title={format.dateTime(r.lastEvaluation)}>
          {format.ago(r.lastEvaluation)}
        </span>
      ),
    },
    {
      title: t('rules.columnFor'),
      field: 'duration',
      type: 'numeric',
      hidden: narrow,
      cellStyle: { whiteSpace: 'nowrap' },
      render: r => format.duration(r.duration * 1000),
    },
    {
      title: t('rules.columnQuery'),
      field: 'query',
      sorting: false,
      hidden: narrow,
      render: r => (
        <Typography variant="body2" component="code" style={wrapCode}>
          {r.query}
        </Typography>
      ),
    },
    {
      title: t('rules.columnActive'),
      field: 'activeAlerts',
      type: 'numeric',
    },
  ];

  return (
    <>
      <RefreshError error={error} />
      <SourceErrors errors={value.errors} />
      {value.rules.length === 0 ? (
        <EmptyState
          missing="data"
          title={t('rules.emptyTitle')}
          description={t('rules.emptyDescription')}
        />
      ) : (
        <Table<AlertRule>
          title={t('rules.tableTitle', { n: String(value.rules.length) })}
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
              <Typography variant="body2">{t('rules.noMatch')}</Typography>
            </Box>
          }
        />
      )}
    </>
  );
}
