import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  alertsSilenceCreatePermission,
  priorityRank,
  type AlertPriority,
  type AlertState,
  type AlertsResponse,
  type NormalizedAlert,
  type Silence,
  type SilencesResponse,
} from '@fdp/plugin-alerts-common';
import { alertsApiRef } from '../../api';
import {
  PRIORITIES,
  byPriority,
  compactLabels,
  countByPriority,
  formatAgo,
  formatTime,
  matchersForAlert,
} from '../../format';
import { useEntityLink, useSilencesLink } from '../../hooks/useLinks';
import { useLiveData } from '../../hooks/useLiveData';
import { useNotifySuccess } from '../../hooks/useNotify';
import { PermissionButton } from '../PermissionButton';
import {
  ALERT_STATES,
  AlertStateLabel,
  PriorityChip,
  stateLabel,
} from '../PriorityChip';
import { SilenceDialog } from '../SilenceDialog';
import { RefreshError, SourceErrors } from '../SourceErrors';

/** The page's filters, kept in the URL (`?priority=high&entityRef=...`). */
export interface AlertFilters {
  priority?: AlertPriority;
  state?: AlertState;
  entityRef?: string;
  receiver?: string;
}

const FILTER_KEYS = ['priority', 'state', 'entityRef', 'receiver'] as const;

export function matchesFilters(
  alert: NormalizedAlert,
  filters: AlertFilters,
  ignore?: keyof AlertFilters,
): boolean {
  return (
    (ignore === 'priority' ||
      !filters.priority ||
      alert.priority === filters.priority) &&
    (ignore === 'state' || !filters.state || alert.state === filters.state) &&
    (ignore === 'entityRef' ||
      !filters.entityRef ||
      alert.entityRefs.includes(filters.entityRef)) &&
    (ignore === 'receiver' ||
      !filters.receiver ||
      alert.receivers.includes(filters.receiver))
  );
}

function useFilters(): [AlertFilters, (next: AlertFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: AlertFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) {
      (filters as Record<string, string>)[key] = value;
    }
  }
  const setFilters = (next: AlertFilters) => {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = next[key];
      if (value) {
        search.set(key, value);
      }
    }
    setParams(search, { replace: true });
  };
  return [filters, setFilters];
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

function FilterSelect(props: {
  label: string;
  value?: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string | undefined) => void;
}) {
  const { label, value, options, onChange } = props;
  const id = `alerts-filter-${label.toLocaleLowerCase('en-US')}`;
  return (
    <Box mr={2} mb={1} minWidth={180}>
      <TextField
        select
        id={id}
        label={label}
        value={value ?? ''}
        onChange={e => onChange(e.target.value || undefined)}
        variant="outlined"
        size="small"
        fullWidth
      >
        <MenuItem value="">All</MenuItem>
        {options.map(option => (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
}

/** Counts by priority; a click filters by that priority, a second clears it. */
export function PriorityCounts(props: {
  counts: Record<AlertPriority, number>;
  selected?: AlertPriority;
  onSelect?: (priority: AlertPriority | undefined) => void;
}) {
  const { counts, selected, onSelect } = props;
  return (
    <Box display="flex" flexWrap="wrap" data-testid="priority-counts">
      {PRIORITIES.map(priority => (
        <Box mr={1} mb={1} key={priority}>
          <PriorityChip
            priority={priority}
            count={counts[priority] ?? 0}
            selected={selected ? selected === priority : undefined}
            onClick={
              onSelect
                ? () => onSelect(selected === priority ? undefined : priority)
                : undefined
            }
          />
        </Box>
      ))}
    </Box>
  );
}

/** Entity refs as links to their catalog pages. */
export function EntityLinks(props: { entityRefs: string[] }) {
  const entityLink = useEntityLink();
  if (props.entityRefs.length === 0) {
    return <>–</>;
  }
  return (
    <>
      {props.entityRefs.map(ref => (
        <Typography variant="body2" key={ref} component="div">
          <Link to={entityLink(ref)}>{ref}</Link>
        </Typography>
      ))}
    </>
  );
}

function SilencedBy(props: {
  alert: NormalizedAlert;
  silences: Map<string, Silence>;
  silencesLink?: string;
}) {
  const { alert, silences, silencesLink } = props;
  if (alert.silencedBy.length === 0) {
    return alert.inhibitedBy.length > 0 ? (
      <Typography variant="body2" color="textSecondary">
        inhibited by {alert.inhibitedBy.length} alert
        {alert.inhibitedBy.length === 1 ? '' : 's'}
      </Typography>
    ) : (
      <>–</>
    );
  }
  return (
    <>
      {alert.silencedBy.map(id => {
        const silence = silences.get(id);
        const text = silence
          ? `${silence.createdBy} until ${formatTime(silence.endsAt)}`
          : id;
        return (
          <Typography
            variant="body2"
            key={id}
            component="div"
            data-testid={`silenced-by-${id}`}
            title={silence?.comment}
          >
            {silencesLink ? <Link to={silencesLink}>{text}</Link> : text}
          </Typography>
        );
      })}
    </>
  );
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
  const notify = useNotifySuccess();
  const silencesLink = useSilencesLink();
  const [filters, setFilters] = useFilters();
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
    return <ResponseErrorPanel error={error ?? new Error('No data')} />;
  }

  const all = value.alerts.alerts;
  const rows = all.filter(a => matchesFilters(a, filters)).sort(byPriority);
  const othersActive = Boolean(
    filters.state || filters.entityRef || filters.receiver,
  );
  const counts = othersActive
    ? countByPriority(all.filter(a => matchesFilters(a, filters, 'priority')))
    : value.alerts.counts;
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
      title: 'Priority',
      field: 'priority',
      customSort: (a, b) => priorityRank(a.priority) - priorityRank(b.priority),
      render: a => <PriorityChip priority={a.priority} />,
    },
    {
      title: 'Name',
      field: 'name',
      highlight: true,
      render: a => {
        const name = (
          <span data-testid={`alert-${a.fingerprint}`}>{a.name}</span>
        );
        return a.generatorURL ? (
          <Link to={a.generatorURL} title="Open the expression">
            {name}
          </Link>
        ) : (
          name
        );
      },
    },
    {
      title: 'State',
      field: 'state',
      render: a => <AlertStateLabel state={a.state} />,
    },
    {
      title: 'Summary',
      field: 'summary',
      sorting: false,
      render: a => (
        <>
          <Typography variant="body2">{a.summary ?? '–'}</Typography>
          {a.description && (
            <Typography variant="caption" color="textSecondary">
              {a.description}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Entities',
      sorting: false,
      render: a => <EntityLinks entityRefs={a.entityRefs} />,
    },
    {
      title: 'Receivers',
      sorting: false,
      render: a => a.receivers.join(', ') || '–',
    },
    {
      title: 'Started',
      field: 'startsAt',
      customSort: (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt),
      render: a => (
        <span title={formatTime(a.startsAt)}>{formatAgo(a.startsAt)}</span>
      ),
    },
    {
      title: 'Labels',
      sorting: false,
      render: a => (
        <Box display="flex" flexWrap="wrap" maxWidth={280}>
          {compactLabels(a.labels).map(label => (
            <Box mr={0.5} mb={0.5} key={label}>
              <Chip size="small" variant="outlined" label={label} />
            </Box>
          ))}
        </Box>
      ),
    },
    {
      title: 'Silenced by',
      sorting: false,
      render: a => (
        <SilencedBy alert={a} silences={silences} silencesLink={silencesLink} />
      ),
    },
    {
      title: 'Actions',
      sorting: false,
      render: a => (
        <PermissionButton
          permission={alertsSilenceCreatePermission}
          size="small"
          variant="outlined"
          onClick={() => setSilencing(a)}
          aria-label={`Silence ${a.name}`}
        >
          Silence…
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
          label="Priority"
          value={filters.priority}
          options={PRIORITIES.map(p => ({
            value: p,
            label: p.charAt(0).toLocaleUpperCase('en-US') + p.slice(1),
          }))}
          onChange={priority =>
            setFilters({ ...filters, priority: priority as AlertPriority })
          }
        />
        <FilterSelect
          label="State"
          value={filters.state}
          options={ALERT_STATES.map(s => ({ value: s, label: stateLabel(s) }))}
          onChange={state =>
            setFilters({ ...filters, state: state as AlertState })
          }
        />
        <FilterSelect
          label="Entity"
          value={filters.entityRef}
          options={entityRefs.map(ref => ({ value: ref, label: ref }))}
          onChange={entityRef => setFilters({ ...filters, entityRef })}
        />
        <FilterSelect
          label="Receiver"
          value={filters.receiver}
          options={receivers.map(r => ({ value: r, label: r }))}
          onChange={receiver => setFilters({ ...filters, receiver })}
        />
      </Box>
      {all.length === 0 ? (
        <EmptyState
          missing="data"
          title="No active alerts"
          description="Nothing is firing or pending right now."
        />
      ) : (
        <Table<NormalizedAlert>
          title={`Alerts (${rows.length})`}
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
              <Typography variant="body2">
                No alerts match the filters.
              </Typography>
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
            `Silenced until ${formatTime(silence.endsAt)} (silence ${
              silence.id
            })`,
          );
          retry();
        }}
      />
    </>
  );
}
