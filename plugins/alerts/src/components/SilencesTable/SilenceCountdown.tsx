import type { Silence } from '@fdp/plugin-alerts-common';
import { silenceCountdown } from '../../format';
import { useNow } from '../../hooks/useNow';

/** "expires in 1h 59m", "starts in 5m" or "expired", updated every second. */
export function SilenceCountdown(props: { silence: Silence }) {
  const now = useNow(1_000);
  return (
    <span data-testid={`countdown-${props.silence.id}`}>
      {silenceCountdown(props.silence, now)}
    </span>
  );
}
