import { useMemo, useState } from 'react';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  ALERT_PRIORITIES,
  ALERT_STATES,
  alertMatchesFilters,
  alertsSilenceCreatePermission,
  countByPriority,
  priorityRank,
  type AlertPriority,
  type AlertState,
  type AlertsResponse,
  type NormalizedAlert,
  type SilencesResponse,
} from '@fdp/plugin-alerts-common';
import { useFormatters } from '@fdp/live-data-react';
import { alertsApiRef } from '../../api';
import { byPriority, matchersForAlert } from '../../format';
import { useSilencesLink } from '../../hooks/useLinks';
import { useLiveData } from '../../hooks/useLiveData';
import { useNarrow } from '../../hooks/useNarrow';
import { useNotifySuccess } from '@fdp/live-data-react';
import { alertsTranslationRef } from '../../translation';
import { PermissionButton } from '../PermissionButton';
import { PriorityChip, PriorityCounts } from '../PriorityChip';
import { SilenceDialog } from '../SilenceDialog';
import { RefreshError, SourceErrors } from '../SourceErrors';
import {
  AlertLabelsCell,
  AlertNameCell,
  AlertStateCell,
  EntityLinks,
} from './cells';
import { FilterSelect } from './FilterSelect';
import { toAlertFilters, useAlertFilters } from './useAlertFilters';

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

interface AlertsData {
  alerts: AlertsResponse;
  silences?: SilencesResponse;
}

/**
 * The alerts tab: counts by priority, filters, and the table of alerts with
 * a "Silence…" action.
 */
export function AlertsTable() {
  const api = useApi(alertsApiRef);
  const { t } = useTranslationRef(alertsTranslationRef);
  const format = useFormatters();
  const narrow = useNarrow();
  const notify = useNotifySuccess();
  const silencesLink = useSilencesLink();
  const [filters, setFilters] = useAlertFilters();
  const [silencing, setSilencing] = useState<NormalizedAlert>();

  const { value, error, loading, retry } = useLiveData<AlertsData>(async () => {
    const [alerts, silences] = await Promise.all([
      api.getAlerts(),
      // silences only add who silenced an alert: not worth failing for
      api.getSilences().catch(() => undefined),
    ]);
    return { alerts, silences };
  }, [api]);

  const silences = useMemo(
    () => new Map(value?.silences?.silences.map(s => [s.id, s]) ?? []),
    [value],
  );
  const alertmanagers = useMemo(
    () => unique(value?.silences?.silences.map(s => s.source) ?? []),
    [value],
  );

  if (loading) {
    return <Progress />;
  }
  if (!value) {
    return (
      <ResponseErrorPanel error={error ?? new Error(t('common.noData'))} />
    );
  }

  const all = value.alerts.alerts;
  const rows = all
    .filter(a => alertMatchesFilters(a, toAlertFilters(filters)))
    .sort(byPriority);
  // the counts say what a click on each priority would show
  const counts = countByPriority(
    all.filter(a =>
      alertMatchesFilters(a, toAlertFilters(filters, 'priority')),
    ),
  );
  const entityRefs = unique([
    ...all.flatMap(a => a.entityRefs),
    ...(filters.entityRef ? [filters.entityRef] : []),
  ]);
  const receivers = unique([
    ...all.flatMap(a => a.receivers),
    ...(filters.receiver ? [filters.receiver] : []),
  ]);

  const columns: TableColumn<NormalizedAlert>[] = [
    {
      title: t('alerts.columnPriority'),
      field: 'priority',
      customSort: (a, b) => priorityRank(a.priority) - priorityRank(b.priority),
      render: a => <PriorityChip priority={a.priority} />,
    },
    {
      title: t('alerts.columnAlert'),
      field: 'name',
      cellStyle: { minWidth: narrow ? 140 : 200 },
      render: a => <AlertNameCell alert={a} />,
    },
    {
      title: t('alerts.columnState'),
      field: 'state',
      // the oldest first within a state, when sorted by it
      customSort: (a, b) =>
        a.state.localeCompare(b.state) ||
        Date.parse(a.startsAt) - Date.parse(b.startsAt),
      render: a => (
        <AlertStateCell
          alert={a}
          silences={silences}
          silencesLink={silencesLink}
        />
      ),
    },
    {
      title: t('alerts.columnEntities'),
      sorting: false,
      hidden: narrow,
      render: a => <EntityLinks entityRefs={a.entityRefs} />,
    },
    {
      title: t('alerts.columnDetails'),
      sorting: false,
      hidden: narrow,
      render: a => <AlertLabelsCell alert={a} />,
    },
    {
      title: t('alerts.columnActions'),
      sorting: false,
      cellStyle: { whiteSpace: 'nowrap' },
      render: a => (
        <PermissionButton
          permission={alertsSilenceCreatePermission}
          deniedReason={t('alerts.silenceNotAllowed')}
          size="small"
          variant="outlined"
          onClick={() => setSilencing(a)}
          aria-label={t('alerts.silenceAria', { name: a.name })}
        >
          {t('alerts.silence')}
        </PermissionButton>
      ),
    },
  ];

  return (
    <>
      <RefreshError error={error} />
      <SourceErrors errors={value.alerts.errors} />
      <PriorityCounts
        counts={counts}
        selected={filters.priority}
        onSelect={priority => setFilters({ ...filters, priority })}
      />
      <Box
        display="flex"
        flexWrap="wrap"
        mt={1}
        mb={1}
        data-testid="alert-filters"
      >
        <FilterSelect
          id="priority"
          label={t('alerts.filterPriority')}
          value={filters.priority}
          options={ALERT_PRIORITIES.map(p => ({
            value: p,
            label: t(`priority.${p}`),
          }))}
          onChange={priority =>
            setFilters({ ...filters, priority: priority as AlertPriority })
          }
        />
        <FilterSelect
          id="state"
          label={t('alerts.filterState')}
          value={filters.state}
          options={ALERT_STATES.map(s => ({
            value: s,
            label: t(`state.${s}`),
          }))}
          onChange={state =>
            setFilters({ ...filters, state: state as AlertState })
          }
        />
        <FilterSelect
          id="entity"
          label={t('alerts.filterEntity')}
          value={filters.entityRef}
          options={entityRefs.map(ref => ({ value: ref, label: ref }))}
          onChange={entityRef => setFilters({ ...filters, entityRef })}
        />
        <FilterSelect
          id="receiver"
          label={t('alerts.filterReceiver')}
          value={filters.receiver}
          options={receivers.map(r => ({ value: r, label: r }))}
          onChange={receiver => setFilters({ ...filters, receiver })}
        />
      </Box>
      {all.length === 0 ? (
        <EmptyState
          missing="data"
          title={t('alerts.emptyTitle')}
          description={t('alerts.emptyDescription')}
        />
      ) : (
        <Table<NormalizedAlert>
          title={t('alerts.tableTitle', { n: String(rows.length) })}
          columns={columns}
          data={rows}
          options={{
            paging: rows.length > 50,
            pageSize: 50,
            padding: 'dense',
            search: true,
          }}
          emptyContent={
            <Box p={2}>
              <Typography variant="body2">{t('alerts.noMatch')}</Typography>
            </Box>
          }
        />
      )}
      <SilenceDialog
        open={Boolean(silencing)}
        subject={silencing?.name}
        initialMatchers={silencing ? matchersForAlert(silencing) : undefined}
        sources={alertmanagers}
        initialSource={silencing?.sources.find(s => alertmanagers.includes(s))}
        onClose={() => setSilencing(undefined)}
        onCreated={silence => {
          setSilencing(undefined);
          notify(
            t('alerts.silencedUntil', {
              time: format.dateTime(silence.endsAt),
              id: silence.id,
            }),
          );
          retry();
        }}
      />
    </>
  );
}
