import Button, { ButtonProps } from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { usePermission } from '@backstage/plugin-permission-react';
import type { alertsSilenceCreatePermission } from '@fdp/plugin-alerts-common';

/** A permission without a resource, like the silence ones. */
type BasicPermission = typeof alertsSilenceCreatePermission;

/**
 * A button that is disabled, with a tooltip saying why (`deniedReason`),
 * unless the permission framework allows the user the permission.
 */
export function PermissionButton(
  props: ButtonProps & { permission: BasicPermission; deniedReason: string },
) {
  const { permission, deniedReason, disabled, ...buttonProps } = props;
  const { allowed, loading } = usePermission({ permission });
  if (allowed || loading) {
    return <Button {...buttonProps} disabled={disabled || loading} />;
  }
  return (
    <Tooltip title={deniedReason}>
      {/* a disabled button fires no events: the span carries the tooltip */}
      <span data-testid="permission-denied">
        <Button {...buttonProps} disabled />
      </span>
    </Tooltip>
  );
}
