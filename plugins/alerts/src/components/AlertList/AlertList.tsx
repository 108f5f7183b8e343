import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import type { NormalizedAlert } from '@fdp/plugin-alerts-common';
import { useFormatters } from '@fdp/live-data-react';
import { alertsTranslationRef } from '../../translation';
import { AlertStateLabel, PriorityChip } from '../PriorityChip';

/** A compact list of alerts: priority, name, state, since when, summary. */
export function AlertList(props: { alerts: NormalizedAlert[] }) {
  const format = useFormatters();
  const { t } = useTranslationRef(alertsTranslationRef);
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
              <Box display="flex" flexWrap="wrap" alignItems="center">
                <Box component="strong" mr={1}>
                  {alert.name}
                </Box>
                <Box mr={1}>
                  <AlertStateLabel state={alert.state} />
                </Box>
                <span title={format.dateTime(alert.startsAt)}>
                  {format.ago(alert.startsAt)}
                </span>
              </Box>
            }
            secondary={alert.summary ?? t('common.none')}
          />
        </ListItem>
      ))}
    </List>
  );
}
