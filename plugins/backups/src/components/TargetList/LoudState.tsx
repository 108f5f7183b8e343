import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ErrorIcon from '@material-ui/icons/Error';
import type { Violation } from '@fdp/plugin-backups-common';
import { backupsTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  loud: {
    display: 'flex',
    gap: theme.spacing(1),
    margin: theme.spacing(1, 0),
    padding: theme.spacing(1.5),
    border: `2px solid ${theme.palette.status.error}`,
    borderRadius: theme.shape.borderRadius,
    background: theme.palette.errorBackground,
    color: theme.palette.errorText,
  },
  icon: { color: theme.palette.status.error },
}));

/** The violation shown loudly: an unreadable repository, else no backups. */
export function loudViolation(violations: Violation[]): Violation | undefined {
  return (
    violations.find(v => v.code === 'REPOSITORY_ERROR') ??
    violations.find(v => v.code === 'NO_BACKUPS')
  );
}

/**
 * The loud state of a target that cannot be restored or whose repository
 * cannot be read: a red-framed alert with the violation's own sentence,
 * always open (core's WarningPanel folds the message away).
 */
export function LoudState(props: { violations: Violation[] }) {
  const classes = useStyles();
  const { t } = useTranslationRef(backupsTranslationRef);
  const loud = loudViolation(props.violations);
  if (!loud) {
    return null;
  }
  return (
    <div className={classes.loud} role="alert">
      <ErrorIcon className={classes.icon} />
      <div>
        <Typography variant="subtitle1" component="p">
          <strong>
            {loud.code === 'REPOSITORY_ERROR'
              ? t('loud.repositoryError')
              : t('loud.noBackups')}
          </strong>
        </Typography>
        <Typography variant="body2">{loud.message}</Typography>
      </div>
    </div>
  );
}
