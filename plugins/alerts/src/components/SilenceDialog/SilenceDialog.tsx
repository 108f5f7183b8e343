import { FormEvent, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  MAX_SILENCE_MS,
  parseDuration,
  type CreateSilenceRequest,
  type Silence,
} from '@fdp/plugin-alerts-common';
import { alertsApiRef } from '../../api';
import { errorMessage } from '../../errors';
import { alertsTranslationRef } from '../../translation';

export const DURATION_PRESETS = ['30m', '1h', '2h', '4h', '1d'];
export const DEFAULT_DURATION = '2h';

/** What is wrong with a silence duration, as a message key; undefined when valid. */
function durationProblem(
  duration: string,
): 'durationInvalid' | 'durationZero' | 'durationTooLong' | undefined {
  let ms: number;
  try {
    ms = parseDuration(duration);
  } catch {
    return 'durationInvalid';
  }
  if (ms <= 0) {
    return 'durationZero';
  }
  return ms > MAX_SILENCE_MS ? 'durationTooLong' : undefined;
}

export interface SilenceDialogProps {
  open: boolean;
  /** what is being silenced, for the title (e.g. the alert name) */
  subject?: string;
  /** matchers to start from, in Alertmanager syntax */
  initialMatchers?: string;
  /** the Alertmanager instances to choose from; no choice when fewer than 2 */
  sources?: string[];
  initialSource?: string;
  onClose: () => void;
  onCreated: (silence: Silence) => void;
}

/**
 * Creates a silence: matchers (prefilled), duration (presets or free text)
 * and a required comment. A refusal by the backend (bad matchers, bad
 * duration, not allowed) is shown in the dialog, which stays open.
 */
export function SilenceDialog(props: SilenceDialogProps) {
  const { open, subject, initialMatchers, sources = [], onClose } = props;
  const api = useApi(alertsApiRef);
  const { t } = useTranslationRef(alertsTranslationRef);
  const [matchers, setMatchers] = useState(initialMatchers ?? '');
  const [duration, setDuration] = useState(DEFAULT_DURATION);
  const [comment, setComment] = useState('');
  const [source, setSource] = useState(props.initialSource ?? '');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  // Start afresh each time the dialog opens (for another alert).
  useEffect(() => {
    if (open) {
      setMatchers(initialMatchers ?? '');
      setDuration(DEFAULT_DURATION);
      setComment('');
      setSource(props.initialSource ?? '');
      setError(undefined);
      setSubmitting(false);
    }
  }, [open, initialMatchers, props.initialSource]);

  const problem = duration.trim() ? durationProblem(duration) : undefined;
  const invalidDuration = problem && t(`silenceDialog.${problem}`);
  const canSubmit =
    !submitting &&
    matchers.trim() !== '' &&
    duration.trim() !== '' &&
    !invalidDuration &&
    comment.trim() !== '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit) {
      return;
    }
    const request: CreateSilenceRequest = {
      matchers: matchers.trim(),
      duration: duration.trim(),
      comment: comment.trim(),
    };
    // only when there is a choice; else the backend's default Alertmanager
    if (source && sources.length > 1) {
      request.source = source;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      const created = await api.createSilence(request);
      setSubmitting(false);
      props.onCreated(created);
    } catch (e) {
      setSubmitting(false);
      setError(
        errorMessage(e, message => t('common.notAllowedDetail', { message })),
      );
    }
  };

  return (
    <Dialog
      open={open}
      onClose={submitting ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="alerts-silence-dialog-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="alerts-silence-dialog-title">
          {subject
            ? t('silenceDialog.titleFor', { subject })
            : t('silenceDialog.titleNew')}
        </DialogTitle>
        <DialogContent>
          {error && (
            <Box mb={2}>
              <Alert severity="error" data-testid="silence-error">
                {error}
              </Alert>
            </Box>
          )}
          <TextField
            id="alerts-silence-matchers"
            label={t('silenceDialog.matchers')}
            value={matchers}
            onChange={e => setMatchers(e.target.value)}
            fullWidth
            required
            margin="dense"
            variant="outlined"
            helperText={t('silenceDialog.matchersHelp')}
            inputProps={{ style: { fontFamily: 'monospace' } }}
          />
          <Box mt={1} display="flex" alignItems="center" flexWrap="wrap">
            <Box mr={1}>
              <Typography variant="body2" component="span">
                {t('silenceDialog.duration')}
              </Typography>
            </Box>
            {DURATION_PRESETS.map(preset => (
              <Box mr={0.5} key={preset}>
                <Chip
                  size="small"
                  label={preset}
                  clickable
                  color={duration.trim() === preset ? 'primary' : 'default'}
                  onClick={() => setDuration(preset)}
                  aria-pressed={duration.trim() === preset}
                />
              </Box>
            ))}
          </Box>
          <TextField
            id="alerts-silence-duration"
            label={t('silenceDialog.duration')}
            value={duration}
            onChange={e => setDuration(e.target.value)}
            fullWidth
            required
            margin="dense"
            variant="outlined"
            error={Boolean(invalidDuration)}
            helperText={invalidDuration ?? t('silenceDialog.durationHelp')}
          />
          <TextField
            id="alerts-silence-comment"
            label={t('silenceDialog.comment')}
            value={comment}
            onChange={e => setComment(e.target.value)}
            fullWidth
            required
            multiline
            minRows={2}
            margin="dense"
            variant="outlined"
            helperText={t('silenceDialog.commentHelp')}
          />
          {sources.length > 1 && (
            <TextField
              select
              id="alerts-silence-alertmanager"
              label={t('silenceDialog.alertmanager')}
              value={source}
              onChange={e => setSource(e.target.value)}
              fullWidth
              margin="dense"
              variant="outlined"
            >
              <MenuItem value="">{t('silenceDialog.defaultSource')}</MenuItem>
              {sources.map(s => (
                <MenuItem key={s} value={s}>
                  {s}
                </MenuItem>
              ))}
            </TextField>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={submitting}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={!canSubmit}
          >
            {submitting
              ? t('silenceDialog.submitting')
              : t('silenceDialog.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
