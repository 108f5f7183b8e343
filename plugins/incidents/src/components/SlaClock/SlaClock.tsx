import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { SlaClock } from '@fdp/plugin-incidents-common';
import { incidentsTranslationRef } from '../../translation';
import { useFormatters } from '@fdp/live-data-react';

const STATUS_ICONS = {
  running: StatusPending,
  'at-risk': StatusWarning,
  breached: StatusError,
  met: StatusOK,
};

/**
 * One SLA clock: time left while running (amber from 75 % of the window,
 * red once past due, as `evaluateSla` decides), or how it ended.
 */
export function SlaClockView(props: {
  kind: 'response' | 'resolution';
  clock: SlaClock;
}) {
  const { kind, clock } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const format = useFormatters();
  const duration = format.duration(Math.abs(clock.remainingMs));
  let text: string;
  if (clock.status === 'met') {
    text = t('sla.met', { duration });
  } else if (clock.status === 'breached') {
    text = clock.stoppedAt
      ? t('sla.breachedAfter', { duration })
      : t('sla.overdue', { duration });
  } else {
    text = t('sla.left', { duration });
  }
  const Status = STATUS_ICONS[clock.status];
  return (
    <span data-testid={`sla-${kind}`} data-sla-status={clock.status}>
      <Status>
        {t(kind === 'response' ? 'sla.response' : 'sla.resolution')}: {text}
      </Status>
    </span>
  );
}
