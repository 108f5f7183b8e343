import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useLiveData } from '@fdp/live-data-react';
import { incidentsApiRef } from '@fdp/plugin-incidents';
import {
  INCIDENTS_SIGNAL_CHANNEL,
  LIMITS,
  formatDuration,
} from '@fdp/plugin-incidents-common';
import { useLinks } from '../../hooks/useLinks';
import { useNow } from '../../hooks/useNow';
import { operationsTranslationRef } from '../../translation';
import { MaybeLink, OverviewCard } from '../OverviewCard';
import { StatusText } from '../StatusText';
import { RunningClock, summarizeIncidents } from './summarize';

/** How many breached clocks the card lists. */
export const LISTED_BREACHES = 3;

/** The overview's incidents card: open incidents by level and their SLA clocks. */
export function IncidentsCard() {
  const api = useApi(incidentsApiRef);
  const { t } = useTranslationRef(operationsTranslationRef);
  const links = useLinks();
  const now = useNow();
  const data = useLiveData(
    INCIDENTS_SIGNAL_CHANNEL,
    async () => {
      const [levels, page] = await Promise.all([
        api.getLevels(),
        api.listIncidents({ status: 'open', limit: LIMITS.pageSize }),
      ]);
      return { levels: levels.levels, page };
    },
    [api],
  );

  const clockLine = (running: RunningClock) => {
    const breached = running.clock.status === 'breached';
    const key = `incidents.${running.kind}${
      breached ? 'Breached' : 'Due'
    }` as const;
    return (
      <Typography
        variant="body2"
        color={breached ? 'error' : 'textPrimary'}
        noWrap
      >
        <MaybeLink to={links.incident(running.incident.id)}>
          {t(key, {
            level: running.incident.level,
            time: formatDuration(running.clock.remainingMs),
          })}
        </MaybeLink>
        {' · '}
        {running.incident.title}
      </Typography>
    );
  };

  return (
    <OverviewCard
      source="incidents"
      data={data}
      link={links.incidents({ status: 'open' })}
    >
      {({ levels, page }) => {
        if (page.items.length === 0) {
          return (
            <Typography variant="h6" component="p">
              <StatusText severity="ok">{t('incidents.empty')}</StatusText>
            </Typography>
          );
        }
        const summary = summarizeIncidents(page.items, levels, now);
        const listed = summary.breached.slice(0, LISTED_BREACHES);
        return (
          <>
            <Box display="flex" flexWrap="wrap" mb={1}>
              {summary.byLevel.map(({ level, count }) => (
                <Box key={level} mr={2} data-testid={`incidents-${level}`}>
                  <Typography variant="body2" component="span">
                    <StatusText severity={level === 'P1' ? 'error' : 'warning'}>
                      <MaybeLink
                        to={links.incidents({ status: 'open', level })}
                      >
                        {level}{' '}
                        {t('incidents.open', {
                          number: `${count}${page.nextCursor ? '+' : ''}`,
                        })}
                      </MaybeLink>
                    </StatusText>
                  </Typography>
                </Box>
              ))}
            </Box>
            {summary.breached.length > 0 && (
              <Box mb={1} data-testid="incidents-breached">
                <Typography variant="subtitle2" color="error">
                  {t('incidents.breaches', {
                    number: String(summary.breached.length),
                  })}
                </Typography>
                {listed.map(running => (
                  <Box key={running.incident.id}>{clockLine(running)}</Box>
                ))}
                {summary.breached.length > listed.length && (
                  <Typography variant="body2" color="textSecondary">
                    {t('card.more', {
                      number: String(summary.breached.length - listed.length),
                    })}
                  </Typography>
                )}
              </Box>
            )}
            {summary.nearest && (
              <Box data-testid="incidents-nearest">
                <Typography variant="overline" component="p">
                  {t('incidents.nearest')}
                </Typography>
                {clockLine(summary.nearest)}
              </Box>
            )}
          </>
        );
      }}
    </OverviewCard>
  );
}
