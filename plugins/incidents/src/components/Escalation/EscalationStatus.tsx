import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  currentEscalationStep,
  IncidentLevel,
  nextEscalation,
  SlaSubject,
} from '@fdp/plugin-incidents-common';
import type { RoleHolder } from '../../hooks/useRoleHolders';
import { incidentsTranslationRef } from '../../translation';
import { RoleHolders } from './RoleHolders';
import { useFormatters } from '@fdp/live-data-react';

/**
 * Where the incident's chain stands at `now`: the step reached and who is
 * notified next, and when (`currentEscalationStep` / `nextEscalation`).
 */
export function EscalationStatus(props: {
  incident: SlaSubject;
  level: IncidentLevel;
  now: Date;
  holders: Map<string, RoleHolder[]>;
}) {
  const { incident, level, now, holders } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const format = useFormatters();
  const current = currentEscalationStep(incident, level, now);
  const next = nextEscalation(incident, level, now);
  return (
    <div data-testid="escalation">
      <Typography variant="body2" component="div">
        {t('escalation.current')}:{' '}
        {current ? (
          <>
            <RoleHolders role={current.role} holders={holders} /> (
            {t('escalation.step', { step: String(current.step + 1) })})
          </>
        ) : (
          t('escalation.notYet')
        )}
      </Typography>
      <Typography
        variant="body2"
        component="div"
        color="textSecondary"
        data-testid="escalation-next"
      >
        {t('escalation.next')}:{' '}
        {next ? (
          <>
            {next.kind === 'escalation' ? (
              <RoleHolders role={next.roles[0]} holders={holders} />
            ) : (
              t('escalation.nextBreach')
            )}{' '}
            ·{' '}
            <span title={format.dateTime(next.at)}>
              {t('escalation.in', {
                duration: format.duration(Date.parse(next.at) - now.getTime()),
              })}
            </span>
          </>
        ) : (
          t('escalation.nothing')
        )}
      </Typography>
    </div>
  );
}
