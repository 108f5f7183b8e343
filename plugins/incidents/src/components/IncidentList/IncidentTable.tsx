import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  evaluateSla,
  findLevel,
  formatUtc,
  IncidentSummary,
  IncidentLevel,
  isResolvedStage,
} from '@fdp/plugin-incidents-common';
import type { RoleHolder } from '../../hooks/useRoleHolders';
import { incidentsTranslationRef } from '../../translation';
import { EscalationStatus } from '../Escalation';
import { LevelChip } from '../LevelChip';
import { BreachBadges, SlaClockView } from '../SlaClock';

function IncidentRow(props: {
  incident: IncidentSummary;
  levels: readonly IncidentLevel[];
  holders: Map<string, RoleHolder[]>;
  now: Date;
  link?: (id: string) => string;
}) {
  const { incident, levels, holders, now, link } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const level = findLevel(levels, incident.level);
  const sla = level ? evaluateSla(incident, level, now) : undefined;
  const open = !isResolvedStage(incident.stage);
  return (
    <TableRow data-testid={`incident-${incident.id}`}>
      <TableCell>
        <LevelChip level={incident.level} levels={levels} />
      </TableCell>
      <TableCell>
        <Typography variant="body2" component="div">
          {link ? (
            <Link to={link(incident.id)}>{incident.title}</Link>
          ) : (
            incident.title
          )}
        </Typography>
        <Typography variant="caption" color="textSecondary" component="div">
          {incident.id} ·{' '}
          {t('list.detected', { time: formatUtc(incident.detectedAt) })}
        </Typography>
        {sla && <BreachBadges sla={sla} />}
      </TableCell>
      <TableCell data-testid="stage">{t(`stages.${incident.stage}`)}</TableCell>
      <TableCell>
        {incident.entityRef ? (
          <EntityRefLink entityRef={incident.entityRef} />
        ) : (
          t('common.none')
        )}
      </TableCell>
      <TableCell>
        {incident.owner ? (
          <EntityRefLink entityRef={incident.owner} defaultKind="user" />
        ) : (
          t('common.unassigned')
        )}
      </TableCell>
      <TableCell>
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

/** Incidents as table rows with level, SLA clocks at `now` and escalation. */
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
  const { t } = useTranslationRef(incidentsTranslationRef);
  return (
    <Box mb={3} data-testid={testId} overflow="auto">
      <Typography variant="h6">{title}</Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('list.columnLevel')}</TableCell>
            <TableCell>{t('list.columnTitle')}</TableCell>
            <TableCell>{t('list.columnStage')}</TableCell>
            <TableCell>{t('list.columnEntity')}</TableCell>
            <TableCell>{t('list.columnOwner')}</TableCell>
            <TableCell>{t('list.columnSla')}</TableCell>
            <TableCell>{t('list.columnEscalation')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {incidents.map(incident => (
            <IncidentRow key={incident.id} incident={incident} {...rowProps} />
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
