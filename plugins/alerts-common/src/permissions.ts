import { createPermission } from '@backstage/plugin-permission-common';

/** Reading alerts, rules and silences. */
export const alertsAlertReadPermission = createPermission({
  name: 'alerts.alert.read',
  attributes: { action: 'read' },
});

/** Creating a silence (devops only in the portal's policy). */
export const alertsSilenceCreatePermission = createPermission({
  name: 'alerts.silence.create',
  attributes: { action: 'create' },
});

/** Expiring a silence (devops only in the portal's policy). */
export const alertsSilenceExpirePermission = createPermission({
  name: 'alerts.silence.expire',
  attributes: { action: 'delete' },
});

export const alertsPermissions = [
  alertsAlertReadPermission,
  alertsSilenceCreatePermission,
  alertsSilenceExpirePermission,
];

/** Signals channel on which alert changes are announced. */
export const ALERTS_SIGNAL_CHANNEL = 'alerts';
