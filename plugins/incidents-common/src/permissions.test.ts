import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  INCIDENT_RESOURCE_TYPE,
  incidentCreatePermission,
  incidentsPermissions,
  incidentUpdatePermission,
} from './permissions';

describe('incidents permissions', () => {
  it('are named <plugin>.<resource>.<action>', () => {
    expect(incidentsPermissions.map(p => p.name)).toEqual([
      'incidents.incident.create',
      'incidents.incident.update',
    ]);
  });

  it('make update a resource permission, so an owner can be allowed conditionally', () => {
    expect(isResourcePermission(incidentCreatePermission)).toBe(false);
    expect(
      isResourcePermission(incidentUpdatePermission, INCIDENT_RESOURCE_TYPE),
    ).toBe(true);
  });
});
