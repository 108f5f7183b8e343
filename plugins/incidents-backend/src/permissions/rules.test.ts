import { Incident } from '@fdp/plugin-incidents-common';
import {
  createIncidentConditionalDecision,
  incidentConditions,
  isIncidentOwner,
} from './rules';

const incident = (owner?: string) => ({ owner } as Incident);

describe('isIncidentOwner', () => {
  it('matches the owner, case-insensitively', () => {
    const params = { userEntityRef: 'user:default/Devops-Lead' };
    expect(
      isIncidentOwner.apply(incident('user:default/devops-lead'), params),
    ).toBe(true);
    expect(isIncidentOwner.apply(incident('user:default/cto'), params)).toBe(
      false,
    );
    expect(isIncidentOwner.apply(incident(undefined), params)).toBe(false);
    expect(isIncidentOwner.apply(incident('user:default/cto'), {} as any)).toBe(
      false,
    );
  });

  it('makes a conditional decision for the update permission', () => {
    const decision = createIncidentConditionalDecision(
      {
        type: 'resource',
        name: 'incidents.incident.update',
        attributes: { action: 'update' },
        resourceType: 'incident',
      },
      incidentConditions.isIncidentOwner({
        userEntityRef: 'user:default/cto',
      }),
    );
    expect(decision).toEqual({
      result: 'CONDITIONAL',
      pluginId: 'incidents',
      resourceType: 'incident',
      conditions: {
        rule: 'IS_INCIDENT_OWNER',
        resourceType: 'incident',
        params: { userEntityRef: 'user:default/cto' },
      },
    });
  });
});
