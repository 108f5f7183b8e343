import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import type { Backup } from '@fdp/plugin-backups-common';
import { calendarDays, DayState } from '../../calendar';
import { backupsTranslationRef } from '../../translation';

const CELL = 14;
const GAP = 3;

const useStyles = makeStyles(theme => ({
  svg: { display: 'block', maxWidth: '100%', height: 'auto' },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginTop: theme.spacing(0.5),
  },
  swatch: {
    display: 'inline-block',
    width: 10,
    height: 10,
    marginRight: 4,
    borderRadius: 2,
  },
}));

/** The last 30 days as a row of squares: backed up, failed, or no backup. */
export function BackupCalendar(props: { backups: Backup[]; now: number }) {
  const classes = useStyles();
  const theme = useTheme();
  const { t } = useTranslationRef(backupsTranslationRef);
  const colours: Record<DayState, string> = {
    success: theme.palette.status.ok,
    failed: theme.palette.status.error,
    missing: theme.palette.status.warning,
  };
  const words: Record<DayState, string> = {
    success: t('calendar.success'),
    failed: t('calendar.failed'),
    missing: t('calendar.missing'),
  };
  const days = calendarDays(props.backups, props.now);
  const width = days.length * (CELL + GAP) - GAP;
  return (
    <Box>
      <Typography variant="caption" color="textSecondary">
        {t('calendar.title')}
      </Typography>
      <svg
        className={classes.svg}
        width={width}
        viewBox={`0 0 ${width} ${CELL}`}
        role="list"
      >
        {days.map((d, i) => {
          const label = t('calendar.day', {
            day: d.day,
            state: words[d.state],
          });
          return (
            <rect
              key={d.day}
              role="listitem"
              aria-label={label}
              data-state={d.state}
              x={i * (CELL + GAP)}
              width={CELL}
              height={CELL}
              rx={2}
              fill={colours[d.state]}
            >
              <title>{label}</title>
            </rect>
          );
        })}
      </svg>
      <div className={classes.legend}>
        {(Object.keys(words) as DayState[]).map(state => (
          <Typography key={state} variant="caption">
            <span
              className={classes.swatch}
              style={{ background: colours[state] }}
            />
            {words[state]}
          </Typography>
        ))}
      </div>
    </Box>
  );
}
