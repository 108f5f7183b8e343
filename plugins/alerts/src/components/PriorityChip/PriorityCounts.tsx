import Box from '@material-ui/core/Box';
import {
  ALERT_PRIORITIES,
  type AlertPriority,
} from '@fdp/plugin-alerts-common';
import { PriorityChip } from './PriorityChip';

/** Counts by priority; a click filters by that priority, a second clears it. */
export function PriorityCounts(props: {
  counts: Record<AlertPriority, number>;
  selected?: AlertPriority;
  onSelect?: (priority: AlertPriority | undefined) => void;
}) {
  const { counts, selected, onSelect } = props;
  return (
    <Box display="flex" flexWrap="wrap" data-testid="priority-counts">
      {ALERT_PRIORITIES.map(priority => (
        <Box mr={1} mb={1} key={priority}>
          <PriorityChip
            priority={priority}
            count={counts[priority] ?? 0}
            selected={selected ? selected === priority : undefined}
            onClick={
              onSelect
                ? () => onSelect(selected === priority ? undefined : priority)
                : undefined
            }
          />
        </Box>
      ))}
    </Box>
  );
}
