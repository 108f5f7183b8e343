import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  evaluateSla,
  findLevel,
  IncidentSummary,
  IncidentLevel,
} from '@fdp/plugin-incidents-common';
import { useIncidentLink } from '../../hooks/useLinks';
import { useNow } from '@fdp/live-data-react';
import { incidentsTranslationRef } from '../../translation';
import { LevelChip } from '../LevelChip';
import { BreachBadges, SlaClockView } from '../SlaClock';

/** A compact list of incidents for cards: level, title, stage and SLA clocks. */
export function IncidentSummaryList(props: {
  incidents: IncidentSummary[];
  levels: readonly IncidentLevel[];
}) {
  const { incidents, levels } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const link = useIncidentLink();
  const now = new Date(useNow());
  return (
    <List dense>
      {incidents.map(incident => {
        const level = findLevel(levels, incident.level);
        const sla = level ? evaluateSla(incident, level, now) : undefined;
        return (
          <ListItem
            key={incident.id}
            divider
            alignItems="flex-start"
            data-testid={`incident-${incident.id}`}
          >
            <ListItemText
              primary={
                <>
                  <LevelChip level={incident.level} levels={levels} />{' '}
                  {link ? (
                    <Link to={link(incident.id)}>{incident.title}</Link>
                  ) : (
                    incident.title
                  )}{' '}
                  · {t(`stages.${incident.stage}`)}
                </>
              }
              secondaryTypographyProps={{ component: 'div' }}
              secondary={
                sla && (
                  <>
                    <BreachBadges sla={sla} />
                    <SlaClockView kind="response" clock={sla.response} />{' '}
                    <SlaClockView kind="resolution" clock={sla.resolution} />
                  </>
                )
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
