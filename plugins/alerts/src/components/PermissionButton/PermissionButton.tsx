import Button, { ButtonProps } from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { usePermission } from '@backstage/plugin-permission-react';
import type { alertsSilenceCreatePermission } from '@fdp/plugin-alerts-common';

/** A permission without a resource, like the silence ones. */
type BasicPermission = typeof alertsSilenceCreatePermission;

/** What a disabled silence or expire button says. */
export const NOT_ALLOWED_TEXT = 'Only devops can silence alerts';

/**
 * A button that is disabled, with a tooltip saying why, unless the user has
 * the permission.
 */
export function PermissionButton(
  props: ButtonProps & { permission: BasicPermission },
) {
  const { permission, disabled, ...buttonProps } = props;
  const { allowed, loading } = usePermission({ permission });
  if (allowed || loading) {
    return <Button {...buttonProps} disabled={disabled || loading} />;
  }
  return (
    <Tooltip title={NOT_ALLOWED_TEXT}>
      {/* a disabled button fires no events: the span carries the tooltip */}
      <span data-testid="permission-denied">
        <Button {...buttonProps} disabled />
      </span>
    </Tooltip>
  );
}
