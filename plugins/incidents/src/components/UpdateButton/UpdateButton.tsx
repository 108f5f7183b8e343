import Button, { ButtonProps } from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { incidentUpdatePermission } from '@fdp/plugin-incidents-common';
import { incidentsTranslationRef } from '../../translation';

/**
 * A button that changes incident `incidentId`: disabled, with a tooltip
 * saying why, unless the user may update that incident (the policy allows
 * devops and the incident's owner).
 */
export function UpdateButton(props: ButtonProps & { incidentId: string }) {
  const { incidentId, disabled, ...buttonProps } = props;
  const { t } = useTranslationRef(incidentsTranslationRef);
  const { allowed, loading } = usePermission({
    permission: incidentUpdatePermission,
    resourceRef: incidentId,
  });
  if (allowed || loading) {
    return <Button {...buttonProps} disabled={disabled || loading} />;
  }
  return (
    <Tooltip title={t('common.noPermission')}>
      {/* a disabled button fires no events: the span carries the tooltip */}
      <span data-testid="permission-denied">
        <Button {...buttonProps} disabled />
      </span>
    </Tooltip>
  );
}
