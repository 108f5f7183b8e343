import { createPermission } from '@backstage/plugin-permission-common';

/** The resource type of `incidentUpdatePermission`: an incident, by its id. */
export const INCIDENT_RESOURCE_TYPE = 'incident';

/** Opening an incident (every signed-in user in the portal's policy). */
export const incidentCreatePermission = createPermission({
  name: 'incidents.incident.create',
  attributes: { action: 'create' },
});

/**
 * Changing an incident: fields, stage, notes, post-mortem. A resource
 * permission so that the policy can allow an incident's owner through a
 * conditional decision besides devops.
 */
export const incidentUpdatePermission = createPermission({
  name: 'incidents.incident.update',
  attributes: { action: 'update' },
  resourceType: INCIDENT_RESOURCE_TYPE,
});

export const incidentsPermissions = [
  incidentCreatePermission,
  incidentUpdatePermission,
];

/** Signals channel on which incident changes are announced. */
export const INCIDENTS_SIGNAL_CHANNEL = 'incidents';
