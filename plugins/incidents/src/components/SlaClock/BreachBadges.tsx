import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { SlaEvaluation } from '@fdp/plugin-incidents-common';
import { incidentsTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  badge: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
    marginRight: theme.spacing(0.5),
    marginBottom: theme.spacing(0.5),
  },
}));

/** A badge per breached SLA clock; nothing when none is breached. */
export function BreachBadges(props: { sla: SlaEvaluation }) {
  const { sla } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(incidentsTranslationRef);
  return (
    <>
      {sla.response.status === 'breached' && (
        <Chip
          size="small"
          className={classes.badge}
          label={t('sla.responseBreached')}
          data-testid="breach-response"
        />
      )}
      {sla.resolution.status === 'breached' && (
        <Chip
          size="small"
          className={classes.badge}
          label={t('sla.resolutionBreached')}
          data-testid="breach-resolution"
        />
      )}
    </>
  );
}
