import { useState } from 'react';
import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import {
  alertsSilenceCreatePermission,
  alertsSilenceExpirePermission,
  formatMatchers,
  type Silence,
} from '@fdp/plugin-alerts-common';
import { useFormatters } from '@fdp/live-data-react';
import { alertsApiRef } from '../../api';
import { useLiveData } from '../../hooks/useLiveData';
import { useNarrow } from '../../hooks/useNarrow';
import { useNotifySuccess } from '@fdp/live-data-react';
import { alertsTranslationRef } from '../../translation';
import { PermissionButton } from '../PermissionButton';
import { SilenceDialog } from '../SilenceDialog';
import { RefreshError, SourceErrors } from '../SourceErrors';
import { noWrap, wrapCode } from '../tableStyles';
import { ExpireDialog } from './ExpireDialog';
import { SilenceCountdown } from './SilenceCountdown';

const STATE_ORDER: Record<Silence['state'], number> = {
  active: 0,
  pending: 1,
  expired: 2,
};

function bySilenceState(a: Silence, b: Silence): number {
  return (
    (STATE_ORDER[a.state] ?? 3) - (STATE_ORDER[b.state] ?? 3) ||
    Date.parse(a.endsAt) - Date.parse(b.endsAt)
  );
}

/**
 * The silences tab: every silence with its matchers, creator, comment and a
 * countdown to its end; active and pending ones can be expired.
 */
export function SilencesTable() {
  const api = useApi(alertsApiRef);
  const { t } = useTranslationRef(alertsTranslationRef);
  const format = useFormatters();
  const narrow = useNarrow();
  const notify = useNotifySuccess();
  const [showExpired, setShowExpired] = useState(false);
  const [expiring, setExpiring] = useState<Silence>();
  const [creating, setCreating] = useState(false);
  const { value, error, loading, retry } = useLiveData(
    () => api.getSilences(),
    [api],
  );

  if (loading) {
    return <Progress />;
  }
  if (!value) {
    return (
      <ResponseErrorPanel error={error ?? new Error(t('common.noData'))} />
    );
  }

  const expiredCount = value.silences.filter(s => s.state === 'expired').length;
  const rows = value.silences
    .filter(s => showExpired || s.state !== 'expired')
    .sort(bySilenceState);
  const sources = [...new Set(value.silences.map(s => s.source))].sort();

  const columns: TableColumn<Silence>[] = [
    {
      title: t('silences.columnMatchers'),
      sorting: false,
      render: s => (
        <Typography
          variant="body2"
          style={wrapCode}
          data-testid={`silence-${s.id}`}
        >
          {formatMatchers(s.matchers)}
        </Typography>
      ),
    },
    {
      title: t('silences.columnCreator'),
      field: 'createdBy',
      hidden: narrow,
      cellStyle: { whiteSpace: 'nowrap' },
    },
    {
      title: t('silences.columnComment'),
      field: 'comment',
      sorting: false,
      hidden: narrow,
    },
    {
      title: t('silences.columnState'),
      field: 'state',
      customSort: bySilenceState,
      cellStyle: { whiteSpace: 'nowrap' },
      render: s => t(`silences.${s.state}`),
    },
    {
      title: t('silences.columnPeriod'),
      field: 'startsAt',
      hidden: narrow,
      customSort: (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt),
      render: s => (
        <>
          <Typography variant="body2" style={noWrap}>
            {format.dateTime(s.startsAt)}
          </Typography>
          <Typography variant="body2" style={noWrap}>
            {format.dateTime(s.endsAt)}
          </Typography>
        </>
      ),
    },
    {
      title: t('silences.columnExpiry'),
      sorting: false,
      render: s => <SilenceCountdown silence={s} />,
    },
    ...(sources.length > 1
      ? [
          {
            title: t('silences.columnSource'),
            field: 'source',
            hidden: narrow,
            cellStyle: { whiteSpace: 'nowrap' },
          } as TableColumn<Silence>,
        ]
      : []),
    {
      title: t('silences.columnActions'),
      sorting: false,
      render: s =>
        s.state === 'expired' ? null : (
          <PermissionButton
            permission={alertsSilenceExpirePermission}
            deniedReason={t('silences.expireNotAllowed')}
            size="small"
            variant="outlined"
            onClick={() => setExpiring(s)}
            aria-label={t('silences.expireAria', { id: s.id })}
          >
            {t('silences.expire')}
          </PermissionButton>
        ),
    },
  ];

  return (
    <>
      <RefreshError error={error} />
      <SourceErrors errors={value.errors} />
      <Box display="flex" alignItems="center" flexWrap="wrap" mb={1}>
        <Box flexGrow={1}>
          <FormControlLabel
            control={
              <Switch
                checked={showExpired}
                onChange={e => setShowExpired(e.target.checked)}
                color="primary"
              />
            }
            label={t('silences.showExpired', { n: String(expiredCount) })}
          />
        </Box>
        <PermissionButton
          permission={alertsSilenceCreatePermission}
          deniedReason={t('alerts.silenceNotAllowed')}
          variant="contained"
          color="primary"
          onClick={() => setCreating(true)}
        >
          {t('silences.create')}
        </PermissionButton>
      </Box>
      <Table<Silence>
        title={t('silences.tableTitle', { n: String(rows.length) })}
        columns={columns}
        data={rows}
        options={{
          paging: rows.length > 50,
          pageSize: 50,
          padding: 'dense',
          search: rows.length > 5,
        }}
        emptyContent={
          <Box p={2}>
            <Typography variant="body2">
              {showExpired ? t('silences.noneAtAll') : t('silences.noActive')}
            </Typography>
          </Box>
        }
      />
      <ExpireDialog
        silence={expiring}
        onClose={() => setExpiring(undefined)}
        onExpired={silence => {
          setExpiring(undefined);
          notify(t('silences.expiredToast', { id: silence.id }));
          retry();
        }}
      />
      <SilenceDialog
        open={creating}
        sources={sources}
        onClose={() => setCreating(false)}
        onCreated={silence => {
          setCreating(false);
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
