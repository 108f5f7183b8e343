import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { RecoveryWindow, TargetStatus } from '@fdp/plugin-backups-common';
import { backupsTranslationRef } from '../../translation';
import { useFormatters } from '@fdp/live-data-react';

const useStyles = makeStyles(theme => ({
  track: {
    position: 'relative',
    height: 12,
    borderRadius: 6,
    background: theme.palette.action.hover,
    overflow: 'hidden',
  },
  window: {
    position: 'absolute',
    top: 0,
    bottom: 0,
  },
  ok: { background: theme.palette.status.ok },
  warning: { background: theme.palette.status.warning },
  critical: { background: theme.palette.status.error },
  // the data a restore now would lose, from the window's end to now: shaded
  // neutrally, since some RPO is normal; the status colour says if too much
  rpo: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    right: 0,
    background: theme.palette.text.disabled,
    opacity: 0.5,
  },
  ends: {
    display: 'flex',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
}));

/**
 * The recovery window on a time axis from its oldest point to now: the
 * restorable span in the target's status colour, the gap to now (the RPO)
 * shaded grey, the two ends named below.
 */
export function RecoveryWindowBar(props: {
  window?: RecoveryWindow;
  status: TargetStatus;
  now: number;
}) {
  const { window, status, now } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(backupsTranslationRef);
  const format = useFormatters();
  if (!window) {
    return (
      <Typography variant="body2" color="error">
        {t('window.none')}
      </Typography>
    );
  }
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const span = Math.max(now - from, 1);
  // at least a sliver, so a window of one snapshot still shows
  const windowPercent = Math.min(100, Math.max(1, ((to - from) / span) * 100));
  const label = t('window.label', {
    from: format.dateTime(window.from),
    to: format.dateTime(window.to),
    length: format.duration(to - from),
  });
  return (
    <Box>
      <div className={classes.track} role="img" aria-label={label}>
        <div
          className={`${classes.window} ${classes[status]}`}
          style={{ left: 0, width: `${windowPercent}%` }}
        />
        <div
          className={classes.rpo}
          style={{ width: `${Math.max(0, 100 - windowPercent)}%` }}
        />
      </div>
      <div className={classes.ends}>
        <Typography variant="caption">
          {t('window.from')}: {format.dateTime(window.from)}
        </Typography>
        <Typography variant="caption">
          {window.toBasis === 'wal' ? t('window.toWal') : t('window.toBackup')}:{' '}
          {format.dateTime(window.to)}
        </Typography>
      </div>
    </Box>
  );
}
