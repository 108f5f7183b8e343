import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import type { NormalizedAlert } from '@fdp/plugin-alerts-common';
import { formatAgo, formatTime } from '../../format';
import { AlertStateLabel, PriorityChip } from '../PriorityChip';

/** A compact list of alerts: priority, name, state, since when, summary. */
export function AlertList(props: { alerts: NormalizedAlert[] }) {
  return (
    <List dense disablePadding>
      {props.alerts.map(alert => (
        <ListItem
          key={alert.fingerprint}
          disableGutters
          data-testid={`alert-item-${alert.fingerprint}`}
        >
          <Box mr={1} minWidth={72}>
            <PriorityChip priority={alert.priority} />
          </Box>
          <ListItemText
            primary={
              <>
                <strong>{alert.name}</strong> ·{' '}
                <AlertStateLabel state={alert.state} /> ·{' '}
                <span title={formatTime(alert.startsAt)}>
                  {formatAgo(alert.startsAt)}
                </span>
              </>
            }
            secondary={alert.summary}
          />
        </ListItem>
      ))}
    </List>
  );
}
