import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Silence } from '@fdp/plugin-alerts-common';
import { useFormatters } from '@fdp/live-data-react';
import { silencePhase } from '../../format';
import { useNow } from '@fdp/live-data-react';
import { alertsTranslationRef } from '../../translation';

/** "expires in 1 hour, 59 minutes", "starts in 5 minutes" or "expired", updated every second. */
export function SilenceCountdown(props: { silence: Silence }) {
  const now = useNow(1_000);
  const format = useFormatters();
  const { t } = useTranslationRef(alertsTranslationRef);
  const phase = silencePhase(props.silence, now);
  let text: string;
  if (phase.phase === 'expired') {
    text = t('silences.expiredText');
  } else if (phase.phase === 'starts') {
    text = t('silences.startsIn', { duration: format.duration(phase.ms) });
  } else {
    text = t('silences.expiresIn', { duration: format.duration(phase.ms) });
  }
  return <span data-testid={`countdown-${props.silence.id}`}>{text}</span>;
}
