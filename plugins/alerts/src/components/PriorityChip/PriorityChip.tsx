import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import { Theme, useTheme } from '@material-ui/core/styles';
import type {
  AlertPriority,
  AlertRule,
  AlertState,
} from '@fdp/plugin-alerts-common';
import { alertsTranslationRef } from '../../translation';

/** The palette colour of each priority: high error, medium warning, low info. */
function priorityColor(theme: Theme, priority: AlertPriority) {
  switch (priority) {
    case 'high':
      return theme.palette.error;
    case 'medium':
      return theme.palette.warning;
    case 'low':
      return theme.palette.info;
    default:
      return {
        main: theme.palette.text.secondary,
        contrastText: theme.palette.background.paper,
      };
  }
}

/** The alert's priority as a chip in its palette colour. */
export function PriorityChip(props: {
  priority: AlertPriority;
  count?: number;
  selected?: boolean;
  onClick?: () => void;
}) {
  const { priority, count, selected, onClick } = props;
  const { t } = useTranslationRef(alertsTranslationRef);
  const theme = useTheme();
  const color = priorityColor(theme, priority);
  const outlined = selected === false;
  const label = t(`priority.${priority}`);
  return (
    <Chip
      size="small"
      label={
        count === undefined
          ? label
          : t('priority.withCount', { priority: label, n: String(count) })
      }
      data-testid={count === undefined ? undefined : `count-${priority}`}
      data-priority={priority}
      variant={outlined ? 'outlined' : 'default'}
      style={
        outlined
          ? { borderColor: color.main, color: theme.palette.text.primary }
          : {
              backgroundColor: color.main,
              color: color.contrastText,
              fontWeight: 600,
            }
      }
      onClick={onClick}
      aria-pressed={onClick ? Boolean(selected) : undefined}
    />
  );
}

/** The alert's state in its status colour. */
export function AlertStateLabel(props: { state: AlertState }) {
  const { state } = props;
  const { t } = useTranslationRef(alertsTranslationRef);
  const label = <span data-state={state}>{t(`state.${state}`)}</span>;
  switch (state) {
    case 'firing':
      return <StatusError>{label}</StatusError>;
    case 'pending':
      return <StatusWarning>{label}</StatusWarning>;
    default:
      return <StatusAborted>{label}</StatusAborted>;
  }
}

/** A rule's state in its status colour (inactive is fine). */
export function RuleStateLabel(props: { state: AlertRule['state'] }) {
  const { state } = props;
  const { t } = useTranslationRef(alertsTranslationRef);
  const label = <span data-state={state}>{t(`state.${state}`)}</span>;
  switch (state) {
    case 'firing':
      return <StatusError>{label}</StatusError>;
    case 'pending':
      return <StatusWarning>{label}</StatusWarning>;
    default:
      return <StatusOK>{label}</StatusOK>;
  }
}
