import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  escalationSchedule,
  IncidentLevel,
} from '@fdp/plugin-incidents-common';
import { useLevels } from '../../hooks/useLevels';
import { RoleHolder, useRoleHolders } from '../../hooks/useRoleHolders';
import { incidentsTranslationRef } from '../../translation';
import { RoleHolders } from '../Escalation';
import { useLevelText } from '../../hooks/useLevelText';
import { useFormatters } from '@fdp/live-data-react';

/** The schedule measured from an incident detected at time 0: each step's offset. */
const EPOCH = new Date(0).toISOString();

function LevelChain(props: {
  level: IncidentLevel;
  holders: Map<string, RoleHolder[]>;
}) {
  const { level, holders } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const levelText = useLevelText();
  const format = useFormatters();
  return (
    <InfoCard
      title={levelText.label(level)}
      subheader={`${levelText.description(level)} · ${t('onCall.windows', {
        response: format.duration(level.responseMs),
        resolution: format.duration(level.resolutionMs),
      })}`}
    >
      <List dense data-testid={`chain-${level.id}`}>
        {escalationSchedule({ detectedAt: EPOCH }, level).map(step => {
          const offsetMs = Date.parse(step.dueAt);
          return (
            <ListItem key={step.role} divider>
              <ListItemText
                primary={
                  <>
                    {t('onCall.step', { step: String(step.step + 1) })} ·{' '}
                    <code>{step.role}</code>:{' '}
                    <RoleHolders role={step.role} holders={holders} withEmail />
                  </>
                }
                secondary={
                  offsetMs === 0
                    ? t('onCall.notifiedAtDetection')
                    : t('onCall.notifiedAt', {
                        duration: format.duration(offsetMs),
                      })
                }
              />
            </ListItem>
          );
        })}
      </List>
    </InfoCard>
  );
}

/** Per level, the escalation chain in order with the catalog users of each role. */
export function OnCallView() {
  const { t } = useTranslationRef(incidentsTranslationRef);
  const levels = useLevels();
  const roles = useRoleHolders();
  if (levels.error || roles.error) {
    return <ResponseErrorPanel error={(levels.error ?? roles.error)!} />;
  }
  if (!levels.levels || roles.loading) {
    return <Progress />;
  }
  if (levels.levels.length === 0) {
    return <EmptyState missing="data" title={t('onCall.title')} />;
  }
  return (
    <>
      <Typography variant="body2" color="textSecondary" paragraph>
        {t('onCall.description')}
      </Typography>
      <Grid container spacing={2}>
        {levels.levels.map(level => (
          <Grid item xs={12} md={6} lg={4} key={level.id}>
            <LevelChain level={level} holders={roles.holders} />
          </Grid>
        ))}
      </Grid>
    </>
  );
}
