import Chip from '@material-ui/core/Chip';
import type { AlertPriority, AlertState } from '@fdp/plugin-alerts-common';
import { PRIORITY_COLORS, PRIORITY_LABELS } from '../../format';

/** The alert's priority as a coloured chip: high red, medium orange, low blue. */
export function PriorityChip(props: {
  priority: AlertPriority;
  count?: number;
  selected?: boolean;
  onClick?: () => void;
}) {
  const { priority, count, selected, onClick } = props;
  const color = PRIORITY_COLORS[priority] ?? PRIORITY_COLORS.none;
  const label = PRIORITY_LABELS[priority] ?? priority;
  const outlined = selected === false;
  return (
    <Chip
      size="small"
      label={count === undefined ? label : `${label} ${count}`}
      data-testid={count === undefined ? undefined : `count-${priority}`}
      data-priority={priority}
      variant={outlined ? 'outlined' : 'default'}
      onClick={onClick}
      aria-pressed={onClick ? Boolean(selected) : undefined}
      style={
        outlined
          ? { borderColor: color, color }
          : { backgroundColor: color, color: '#fff' }
      }
    />
  );
}

const STATE_LABELS: Record<AlertState, string> = {
  firing: 'Firing',
  pending: 'Pending',
  silenced: 'Silenced',
  inhibited: 'Inhibited',
};

const STATE_COLORS: Record<AlertState, string> = {
  firing: '#d32f2f',
  pending: '#ed6c02',
  silenced: '#757575',
  inhibited: '#757575',
};

export const ALERT_STATES: AlertState[] = [
  'firing',
  'pending',
  'silenced',
  'inhibited',
];

/** The alert's state as text in a matching colour. */
export function AlertStateLabel(props: { state: AlertState }) {
  const { state } = props;
  return (
    <span
      data-state={state}
      style={{ color: STATE_COLORS[state], fontWeight: 600 }}
    >
      {STATE_LABELS[state] ?? state}
    </span>
  );
}

export function stateLabel(state: AlertState): string {
  return STATE_LABELS[state] ?? state;
}
