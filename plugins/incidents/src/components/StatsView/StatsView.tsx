import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Tab from '@material-ui/core/Tab';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tabs from '@material-ui/core/Tabs';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  LevelStats,
  SlaCompliance,
  STATS_WINDOWS,
  StatsWindow,
} from '@fdp/plugin-incidents-common';
import { incidentsApiRef } from '../../api';
import { useLiveData } from '../../hooks/useLiveData';
import { incidentsTranslationRef } from '../../translation';
import { Bar, BarChart } from './BarChart';
import { useFormatters } from '@fdp/live-data-react';

const WINDOW_LABELS = {
  '7d': 'stats.window7d',
  '30d': 'stats.window30d',
  '90d': 'stats.window90d',
} as const;

function percent(c: SlaCompliance): string | undefined {
  return c.ratio === null ? undefined : `${Math.round(c.ratio * 100)} %`;
}

/** MTTA, MTTR and SLA compliance per level over 7, 30 or 90 days. */
export function StatsView() {
  const api = useApi(incidentsApiRef);
  const { t } = useTranslationRef(incidentsTranslationRef);
  const format = useFormatters();
  const [statsWindow, setStatsWindow] = useState<StatsWindow>('30d');
  const { value, error, loading } = useLiveData(
    () => api.getStats(statsWindow),
    [api, statsWindow],
  );

  let content: JSX.Element;
  if (loading) {
    content = <Progress />;
  } else if (!value) {
    content = (
      <ResponseErrorPanel error={error ?? new Error(t('common.noData'))} />
    );
  } else if (value.overall.incidents === 0) {
    content = <EmptyState missing="data" title={t('stats.empty')} />;
  } else {
    const rows: LevelStats[] = [...value.levels, value.overall];
    const label = (s: LevelStats) =>
      s.level === 'all' ? t('stats.overall') : s.level;
    const na = t('stats.noData');
    const duration = (ms: number | null) =>
      ms === null ? na : format.duration(ms);
    const durationBars = (key: 'mttaMs' | 'mttrMs'): Bar[] =>
      rows.map(s => ({
        label: label(s),
        value: s[key],
        text: duration(s[key]),
      }));
    const maxOf = (bars: Bar[]) => Math.max(0, ...bars.map(b => b.value ?? 0));
    const mtta = durationBars('mttaMs');
    const mttr = durationBars('mttrMs');
    const compliance: Bar[] = rows.flatMap(s => [
      {
        label: `${label(s)} ${t('sla.response')}`,
        value: s.response.ratio,
        text: percent(s.response) ?? na,
      },
      {
        label: `${label(s)} ${t('sla.resolution')}`,
        value: s.resolution.ratio,
        text: percent(s.resolution) ?? na,
      },
    ]);
    content = (
      <>
        <Grid container spacing={2}>
          <Grid item xs={12} md={6}>
            <BarChart
              title={t('stats.chartMtta')}
              bars={mtta}
              max={maxOf(mtta)}
              testId="chart-mtta"
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <BarChart
              title={t('stats.chartMttr')}
              bars={mttr}
              max={maxOf(mttr)}
              testId="chart-mttr"
            />
          </Grid>
          <Grid item xs={12}>
            <BarChart
              title={t('stats.chartCompliance')}
              bars={compliance}
              max={1}
              testId="chart-compliance"
            />
          </Grid>
        </Grid>
        <Box mt={2} overflow="auto">
          <Table size="small" data-testid="stats-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('list.columnLevel')}</TableCell>
                <TableCell align="right">{t('stats.incidents')}</TableCell>
                <TableCell align="right">{t('stats.mtta')}</TableCell>
                <TableCell align="right">{t('stats.mttr')}</TableCell>
                <TableCell align="right">
                  {t('stats.responseCompliance')}
                </TableCell>
                <TableCell align="right">
                  {t('stats.resolutionCompliance')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(s => (
                <TableRow key={s.level} data-testid={`stats-${s.level}`}>
                  <TableCell>{label(s)}</TableCell>
                  <TableCell align="right">{s.incidents}</TableCell>
                  <TableCell align="right">{duration(s.mttaMs)}</TableCell>
                  <TableCell align="right">{duration(s.mttrMs)}</TableCell>
                  <TableCell align="right">
                    {percent(s.response) ?? na} ({s.response.met}/
                    {s.response.met + s.response.breached})
                  </TableCell>
                  <TableCell align="right">
                    {percent(s.resolution) ?? na} ({s.resolution.met}/
                    {s.resolution.met + s.resolution.breached})
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      </>
    );
  }

  return (
    <InfoCard title={t('stats.title')}>
      <Tabs
        value={statsWindow}
        onChange={(_e, v) => setStatsWindow(v)}
        indicatorColor="primary"
        textColor="primary"
        aria-label={t('stats.window')}
      >
        {STATS_WINDOWS.map(w => (
          <Tab key={w} value={w} label={t(WINDOW_LABELS[w])} />
        ))}
      </Tabs>
      <Box mt={2}>{content}</Box>
    </InfoCard>
  );
}
