import { createPermission } from '@backstage/plugin-permission-common';
import { decide, DEVOPS_GROUP_REF } from './decide';

const devops = {
  ownershipEntityRefs: ['user:default/devops-lead', DEVOPS_GROUP_REF],
};
const developer = {
  ownershipEntityRefs: ['user:default/team-lead', 'group:default/dev-team'],
};

describe('decide', () => {
  it.each([
    'alerts.silence.create',
    'incidents.incident.update',
    'kubernetes.proxy',
    'catalog.entity.delete',
  ])('keeps %s for devops', name => {
    const permission = createPermission({
      name,
      attributes: { action: 'update' },
    });
    expect(decide(permission, devops)).toBe('allow');
    expect(decide(permission, developer)).toBe('deny');
  });

  it.each([
    'catalog.entity.read',
    'kubernetes.clusters.read',
    'kubernetes.resources.read',
    'cluster-health.cluster.read',
  ])('lets every signed-in user read (%s)', name => {
    const permission = createPermission({
      name,
      attributes: { action: 'read' },
    });
    expect(decide(permission, developer)).toBe('allow');
  });

  it('does not treat a group with a similar name as devops', () => {
    const permission = createPermission({
      name: 'alerts.silence.create',
      attributes: { action: 'create' },
    });
    expect(
      decide(permission, { ownershipEntityRefs: ['group:default/devops-x'] }),
    ).toBe('deny');
  });
});
