import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  evaluateSla,
  findLevel,
  IncidentSummary,
  IncidentLevel,
  isResolvedStage,
} from '@fdp/plugin-incidents-common';
import { useFormatters } from '@fdp/live-data-react';
import type { RoleHolder } from '../../hooks/useRoleHolders';
import { incidentsTranslationRef } from '../../translation';
import { EscalationStatus } from '../Escalation';
import { IncidentSummaryList } from '../IncidentSummaryList';
import { LevelChip } from '../LevelChip';
import { BreachBadges, SlaClockView } from '../SlaClock';

const useStyles = makeStyles({
  // words wrap between words only; short facts never wrap
  table: { '& td, & th': { overflowWrap: 'normal', wordBreak: 'normal' } },
  nowrap: { whiteSpace: 'nowrap' },
  title: { minWidth: 180 },
});

function IncidentRow(props: {
  incident: IncidentSummary;
  levels: readonly IncidentLevel[];
  holders: Map<string, RoleHolder[]>;
  now: Date;
  link?: (id: string) => string;
}) {
  const { incident, levels, holders, now, link } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(incidentsTranslationRef);
  const format = useFormatters();
  const level = findLevel(levels, incident.level);
  const sla = level ? evaluateSla(incident, level, now) : undefined;
  const open = !isResolvedStage(incident.stage);
  return (
    <TableRow data-testid={`incident-${incident.id}`}>
      <TableCell className={classes.nowrap}>
        <LevelChip level={incident.level} levels={levels} />
      </TableCell>
      <TableCell className={classes.title}>
        <Typography variant="body2" component="div">
          {link ? (
            <Link to={link(incident.id)}>{incident.title}</Link>
          ) : (
            incident.title
          )}
        </Typography>
        <Typography variant="caption" color="textSecondary" component="div">
          {incident.id} ·{' '}
          {t('list.detected', { time: format.dateTime(incident.detectedAt) })}
        </Typography>
        {sla && <BreachBadges sla={sla} />}
      </TableCell>
      <TableCell data-testid="stage">{t(`stages.${incident.stage}`)}</TableCell>
      <TableCell>
        <Typography variant="body2" component="div">
          {incident.entityRef ? (
            <EntityRefLink entityRef={incident.entityRef} />
          ) : (
            t('common.none')
          )}
        </Typography>
        <Typography variant="caption" color="textSecondary" component="div">
          {incident.owner ? (
            <EntityRefLink entityRef={incident.owner} defaultKind="user" />
          ) : (
            t('common.unassigned')
          )}
        </Typography>
      </TableCell>
      <TableCell className={classes.nowrap}>
        {sla ? (
          <>
            <SlaClockView kind="response" clock={sla.response} />
            <br />
            <SlaClockView kind="resolution" clock={sla.resolution} />
          </>
        ) : (
          t('sla.unknownLevel', { level: incident.level })
        )}
      </TableCell>
      <TableCell>
        {open && level && (
          <EscalationStatus
            incident={incident}
            level={level}
            now={now}
            holders={holders}
          />
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * Incidents with level, SLA clocks at `now` and escalation: a table from
 * the `sm` breakpoint up (it fits 1,280 px without scrolling), the compact
 * list on phones.
 */
export function IncidentTable(props: {
  title: string;
  incidents: IncidentSummary[];
  levels: readonly IncidentLevel[];
  holders: Map<string, RoleHolder[]>;
  now: Date;
  link?: (id: string) => string;
  testId: string;
}) {
  const { title, incidents, testId, ...rowProps } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(incidentsTranslationRef);
  const phone = useMediaQuery<Theme>(theme => theme.breakpoints.down('xs'));
  return (
    <Box mb={3} data-testid={testId}>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      {phone ? (
        <IncidentSummaryList incidents={incidents} levels={rowProps.levels} />
      ) : (
        <Table size="small" className={classes.table}>
          <TableHead>
            <TableRow>
              <TableCell>{t('list.columnLevel')}</TableCell>
              <TableCell>{t('list.columnTitle')}</TableCell>
              <TableCell>{t('list.columnStage')}</TableCell>
              <TableCell>{t('list.columnEntity')}</TableCell>
              <TableCell>{t('list.columnSla')}</TableCell>
              <TableCell>{t('list.columnEscalation')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {incidents.map(incident => (
              <IncidentRow
                key={incident.id}
                incident={incident}
                {...rowProps}
              />
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
