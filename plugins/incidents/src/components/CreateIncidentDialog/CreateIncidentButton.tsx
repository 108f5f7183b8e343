import { useState } from 'react';
import Button, { ButtonProps } from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Incident,
  IncidentLevel,
  incidentCreatePermission,
} from '@fdp/plugin-incidents-common';
import { incidentsTranslationRef } from '../../translation';
import { CreateIncidentDialog } from './CreateIncidentDialog';

/**
 * "New incident": opens the create dialog, or is disabled with the reason
 * when the user may not open incidents.
 */
export function CreateIncidentButton(
  props: Omit<ButtonProps, 'onClick'> & {
    levels: readonly IncidentLevel[];
    entityRef?: string;
    label?: string;
    onCreated: (incident: Incident) => void;
  },
) {
  const { levels, entityRef, label, onCreated, ...buttonProps } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const [open, setOpen] = useState(false);
  const { allowed, loading } = usePermission({
    permission: incidentCreatePermission,
  });
  const text = label ?? t('list.create');
  if (!allowed && !loading) {
    return (
      <Tooltip title={t('common.noCreatePermission')}>
        <span data-testid="permission-denied">
          <Button {...buttonProps} disabled>
            {text}
          </Button>
        </span>
      </Tooltip>
    );
  }
  return (
    <>
      <Button {...buttonProps} disabled={loading} onClick={() => setOpen(true)}>
        {text}
      </Button>
      {open && (
        <CreateIncidentDialog
          open
          levels={levels}
          entityRef={entityRef}
          onClose={() => setOpen(false)}
          onCreated={incident => {
            setOpen(false);
            onCreated(incident);
          }}
        />
      )}
    </>
  );
}
