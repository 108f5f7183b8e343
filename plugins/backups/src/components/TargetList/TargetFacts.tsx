import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { TargetSummary } from '../../api';
import { backupsTranslationRef } from '../../translation';
import { useFormatters } from '@fdp/live-data-react';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: theme.spacing(1),
    margin: 0,
  },
  term: { color: theme.palette.text.secondary },
  value: { margin: 0 },
}));

/** RPO, last full, next due times and the backup count, as a definition list. */
export function TargetFacts(props: { target: TargetSummary }) {
  const { target } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(backupsTranslationRef);
  const format = useFormatters();
  const facts: Array<[string, string]> = [
    [
      t('list.rpo'),
      target.rpoMs === undefined
        ? t('common.none')
        : format.duration(target.rpoMs),
    ],
    [t('list.lastFull'), format.dateTime(target.lastFull?.startedAt)],
    [t('list.nextFull'), format.dateTime(target.nextDue.full)],
  ];
  if (target.nextDue.incremental) {
    facts.push([
      t('list.nextIncremental'),
      format.dateTime(target.nextDue.incremental),
    ]);
  }
  facts.push([t('list.backups'), String(target.backupCount)]);
  return (
    <Box component="dl" className={classes.facts}>
      {facts.map(([term, value]) => (
        <div key={term}>
          <Typography variant="caption" component="dt" className={classes.term}>
            {term}
          </Typography>
          <Typography variant="body2" component="dd" className={classes.value}>
            {value}
          </Typography>
        </div>
      ))}
    </Box>
  );
}
