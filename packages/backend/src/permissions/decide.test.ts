import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { decide, RULES, PolicySubject } from './decide';

const user = (name: string, ...groups: string[]): PolicySubject => ({
  userEntityRef: `user:default/${name}`,
  ownershipEntityRefs: [
    `user:default/${name}`,
    ...groups.map(g => `group:default/${g}`),
  ],
});
const devopsLead = user('devops-lead', 'devops');
// the catalog's dev-team member (also in trading-team)
const teamLead = user('team-lead', 'dev-team', 'trading-team');
const onCall = user('on-call-engineer', 'sre');
const nobody = user('cto', 'fdp-engineering');

// as @backstage/plugin-scaffolder-common declares it
const actionExecutePermission = createPermission({
  name: 'scaffolder.action.execute',
  attributes: {},
  resourceType: 'scaffolder-action',
});
const basic = (name: string, action: 'read' | 'create' | 'update' | 'delete') =>
  createPermission({ name, attributes: { action } });
const result = (name: string, subject: PolicySubject) =>
  decide(basic(name, 'update'), subject).result;

describe('decide', () => {
  it.each([
    'alerts.silence.create',
    'alerts.silence.expire',
    'kubernetes.proxy',
    'catalog.entity.delete',
    'catalog.entity.create',
    'catalog.location.create',
    'catalog.location.delete',
    'catalog.location.analyze',
    'scaffolder.template.management',
  ])(
    'keeps %s for devops: a dev-team member, sre or anyone else is denied',
    name => {
      expect(result(name, devopsLead)).toBe(AuthorizeResult.ALLOW);
      expect(result(name, teamLead)).toBe(AuthorizeResult.DENY);
      expect(result(name, onCall)).toBe(AuthorizeResult.DENY);
      expect(result(name, nobody)).toBe(AuthorizeResult.DENY);
    },
  );

  it.each([
    'catalog.entity.read',
    'catalog.location.read',
    'kubernetes.clusters.read',
    'kubernetes.resources.read',
    'cluster-health.cluster.read',
    'alerts.alert.read',
    'scaffolder.template.parameter.read',
    'incidents.incident.create',
  ])('lets every signed-in user use %s', name => {
    for (const subject of [devopsLead, teamLead, onCall, nobody]) {
      expect(result(name, subject)).toBe(AuthorizeResult.ALLOW);
    }
  });

  it('denies a permission it has no rule for, even to devops', () => {
    for (const name of [
      'future-plugin.thing.read',
      'toString',
      '__proto__',
      'catalog.entity',
    ]) {
      expect(result(name, devopsLead)).toBe(AuthorizeResult.DENY);
    }
  });

  it('lets devops and dev-team start templates, not trading-team alone or sre', () => {
    const trader = user('trader', 'trading-team');
    for (const name of [
      'scaffolder.task.create',
      'scaffolder.template.dry-run',
    ]) {
      expect(result(name, devopsLead)).toBe(AuthorizeResult.ALLOW);
      expect(result(name, teamLead)).toBe(AuthorizeResult.ALLOW);
      expect(result(name, trader)).toBe(AuthorizeResult.DENY);
      expect(result(name, onCall)).toBe(AuthorizeResult.DENY);
    }
  });

  it('lets dev-team execute scaffolder actions except kubernetes:apply outside dev and staging', () => {
    expect(decide(actionExecutePermission, devopsLead)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(decide(actionExecutePermission, onCall).result).toBe(
      AuthorizeResult.DENY,
    );
    expect(decide(actionExecutePermission, teamLead)).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'scaffolder',
      resourceType: 'scaffolder-action',
      conditions: {
        anyOf: [
          {
            not: {
              rule: 'HAS_ACTION_ID',
              resourceType: 'scaffolder-action',
              params: { actionId: 'kubernetes:apply' },
            },
          },
          {
            rule: 'HAS_STRING_PROPERTY',
            resourceType: 'scaffolder-action',
            params: { key: 'namespace', value: 'dev' },
          },
          {
            rule: 'HAS_STRING_PROPERTY',
            resourceType: 'scaffolder-action',
            params: { key: 'namespace', value: 'staging' },
          },
        ],
      },
    });
  });

  it('lets dev-team read and cancel only the scaffolder tasks it started', () => {
    const taskRead = createPermission({
      name: 'scaffolder.task.read',
      attributes: { action: 'read' },
      resourceType: 'scaffolder-task',
    });
    expect(decide(taskRead, devopsLead).result).toBe(AuthorizeResult.ALLOW);
    expect(decide(taskRead, onCall).result).toBe(AuthorizeResult.DENY);
    expect(decide(taskRead, teamLead)).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: {
        rule: 'IS_TASK_OWNER',
        params: { createdBy: ['user:default/team-lead'] },
      },
    });
  });

  it('lets devops update any incident, everyone else only the incidents they own', () => {
    const incidentUpdate = createPermission({
      name: 'incidents.incident.update',
      attributes: { action: 'update' },
      resourceType: 'incident',
    });
    expect(decide(incidentUpdate, devopsLead)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    for (const subject of [teamLead, onCall, nobody]) {
      expect(decide(incidentUpdate, subject)).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'incidents',
        resourceType: 'incident',
        conditions: {
          rule: 'IS_INCIDENT_OWNER',
          resourceType: 'incident',
          params: { userEntityRef: subject.userEntityRef },
        },
      });
    }
    // without its resource type it names no incident to own
    expect(result('incidents.incident.update', onCall)).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('does not treat a group with a similar name as devops', () => {
    expect(
      result('alerts.silence.create', {
        userEntityRef: 'user:default/x',
        ownershipEntityRefs: ['group:default/devops-x', 'group:other/devops'],
      }),
    ).toBe(AuthorizeResult.DENY);
  });

  it('allows devops every permission it has a rule for', () => {
    for (const name of Object.keys(RULES)) {
      expect([name, result(name, devopsLead)]).toEqual([
        name,
        AuthorizeResult.ALLOW,
      ]);
    }
  });
});
