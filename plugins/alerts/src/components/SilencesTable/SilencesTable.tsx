import { useState } from 'react';
import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  alertsSilenceCreatePermission,
  alertsSilenceExpirePermission,
  formatMatchers,
  type Silence,
} from '@fdp/plugin-alerts-common';
import { alertsApiRef } from '../../api';
import { errorMessage } from '../../errors';
import { formatTime } from '../../format';
import { useLiveData } from '../../hooks/useLiveData';
import { useNotifySuccess } from '../../hooks/useNotify';
import { PermissionButton } from '../PermissionButton';
import { SilenceDialog } from '../SilenceDialog';
import { RefreshError, SourceErrors } from '../SourceErrors';
import { SilenceCountdown } from './SilenceCountdown';

const STATE_ORDER: Record<Silence['state'], number> = {
  active: 0,
  pending: 1,
  expired: 2,
};

const STATE_LABELS: Record<Silence['state'], string> = {
  active: 'Active',
  pending: 'Pending',
  expired: 'Expired',
};

function bySilenceState(a: Silence, b: Silence): number {
  return (
    (STATE_ORDER[a.state] ?? 3) - (STATE_ORDER[b.state] ?? 3) ||
    Date.parse(a.endsAt) - Date.parse(b.endsAt)
  );
}

function ExpireDialog(props: {
  silence?: Silence;
  onClose: () => void;
  onExpired: (silence: Silence) => void;
}) {
  const { silence, onClose, onExpired } = props;
  const api = useApi(alertsApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const close = () => {
    setError(undefined);
    onClose();
  };
  const expire = async () => {
    if (!silence) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.expireSilence(silence.id, silence.source);
      setBusy(false);
      onExpired(silence);
    } catch (e) {
      setBusy(false);
      setError(errorMessage(e));
    }
  };

  return (
    <Dialog
      open={Boolean(silence)}
      onClose={busy ? undefined : close}
      aria-labelledby="alerts-expire-dialog-title"
    >
      <DialogTitle id="alerts-expire-dialog-title">Expire silence?</DialogTitle>
      <DialogContent>
        {error && (
          <Box mb={2}>
            <Alert severity="error" data-testid="expire-error">
              {error}
            </Alert>
          </Box>
        )}
        <DialogContentText>
          The alerts matching{' '}
          <code>{silence ? formatMatchers(silence.matchers) : ''}</code> will
          notify again. Silence by {silence?.createdBy}: {silence?.comment}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          Cancel
        </Button>
        <Button
          onClick={expire}
          color="secondary"
          variant="contained"
          disabled={busy}
        >
          {busy ? 'Expiring…' : 'Expire'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * The silences tab: every silence with its matchers, creator, comment and a
 * countdown to its end; active and pending ones can be expired.
 */
export function SilencesTable() {
  const api = useApi(alertsApiRef);
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
    return <ResponseErrorPanel error={error ?? new Error('No data')} />;
  }

  const expiredCount = value.silences.filter(s => s.state === 'expired').length;
  const rows = value.silences
    .filter(s => showExpired || s.state !== 'expired')
    .sort(bySilenceState);
  const sources = [...new Set(value.silences.map(s => s.source))].sort();

  const columns: TableColumn<Silence>[] = [
    {
      title: 'Matchers',
      sorting: false,
      render: s => (
        <Typography
          variant="body2"
          style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
          data-testid={`silence-${s.id}`}
        >
          {formatMatchers(s.matchers)}
        </Typography>
      ),
    },
    { title: 'Creator', field: 'createdBy' },
    { title: 'Comment', field: 'comment', sorting: false },
    {
      title: 'State',
      field: 'state',
      customSort: bySilenceState,
      render: s => STATE_LABELS[s.state] ?? s.state,
    },
    {
      title: 'Starts',
      field: 'startsAt',
      render: s => formatTime(s.startsAt),
      customSort: (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt),
    },
    {
      title: 'Ends',
      field: 'endsAt',
      render: s => formatTime(s.endsAt),
      customSort: (a, b) => Date.parse(a.endsAt) - Date.parse(b.endsAt),
    },
    {
      title: 'Expiry',
      sorting: false,
      render: s => <SilenceCountdown silence={s} />,
    },
    ...(sources.length > 1
      ? [{ title: 'Alertmanager', field: 'source' } as TableColumn<Silence>]
      : []),
    {
      title: 'Actions',
      sorting: false,
      render: s =>
        s.state === 'expired' ? null : (
          <PermissionButton
            permission={alertsSilenceExpirePermission}
            size="small"
            variant="outlined"
            onClick={() => setExpiring(s)}
            aria-label={`Expire silence ${s.id}`}
          >
            Expire
          </PermissionButton>
        ),
    },
  ];

  return (
    <>
      <RefreshError error={error} />
      <SourceErrors errors={value.errors} />
      <Box display="flex" alignItems="center" mb={1}>
        <Box flexGrow={1}>
          <FormControlLabel
            control={
              <Switch
                checked={showExpired}
                onChange={e => setShowExpired(e.target.checked)}
                color="primary"
              />
            }
            label={`Show expired (${expiredCount})`}
          />
        </Box>
        <PermissionButton
          permission={alertsSilenceCreatePermission}
          variant="contained"
          color="primary"
          onClick={() => setCreating(true)}
        >
          New silence
        </PermissionButton>
      </Box>
      <Table<Silence>
        title={`Silences (${rows.length})`}
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
              No {showExpired ? '' : 'active or pending '}silences.
            </Typography>
          </Box>
        }
      />
      <ExpireDialog
        silence={expiring}
        onClose={() => setExpiring(undefined)}
        onExpired={silence => {
          setExpiring(undefined);
          notify(`Silence ${silence.id} expired`);
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
