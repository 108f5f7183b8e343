import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { formatMatchers, type Silence } from '@fdp/plugin-alerts-common';
import { alertsApiRef } from '../../api';
import { errorMessage } from '../../errors';
import { alertsTranslationRef } from '../../translation';

/** Asks before expiring a silence; a refusal is shown in the dialog. */
export function ExpireDialog(props: {
  silence?: Silence;
  onClose: () => void;
  onExpired: (silence: Silence) => void;
}) {
  const { silence, onClose, onExpired } = props;
  const api = useApi(alertsApiRef);
  const { t } = useTranslationRef(alertsTranslationRef);
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
      setError(
        errorMessage(e, message => t('common.notAllowedDetail', { message })),
      );
    }
  };

  return (
    <Dialog
      open={Boolean(silence)}
      onClose={busy ? undefined : close}
      aria-labelledby="alerts-expire-dialog-title"
    >
      <DialogTitle id="alerts-expire-dialog-title">
        {t('silences.expireTitle')}
      </DialogTitle>
      <DialogContent>
        {error && (
          <Box mb={2}>
            <Alert severity="error" data-testid="expire-error">
              {error}
            </Alert>
          </Box>
        )}
        <DialogContentText>
          {silence &&
            t('silences.expireText', {
              matchers: formatMatchers(silence.matchers),
              creator: silence.createdBy,
              comment: silence.comment,
            })}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button
          onClick={expire}
          color="secondary"
          variant="contained"
          disabled={busy}
        >
          {busy ? t('silences.expiring') : t('silences.expire')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
