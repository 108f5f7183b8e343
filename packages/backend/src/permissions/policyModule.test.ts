/*
 * The policy module behind the real permission backend, asked over HTTP as the
 * frontend and other plugins ask it: a non-devops user (the catalog's dev-team
 * member) is refused what the access control keeps for devops.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import permissionBackend from '@backstage/plugin-permission-backend';
import { permissionPolicyModule } from './policyModule';

const GROUPS: Record<string, string[]> = {
  'user:default/team-lead': [
    'group:default/dev-team',
    'group:default/trading-team',
  ],
  'user:default/devops-lead': ['group:default/devops'],
};

async function decisions(user: string, names: string[]) {
  const { server } = await startTestBackend({
    features: [
      permissionBackend,
      permissionPolicyModule,
      mockServices.rootConfig.factory({
        data: { permission: { enabled: true } },
      }),
      mockServices.userInfo.mock({
        getUserInfo: async credentials => {
          const ref = (credentials.principal as { userEntityRef: string })
            .userEntityRef;
          return {
            userEntityRef: ref,
            ownershipEntityRefs: [ref, ...(GROUPS[ref] ?? [])],
          };
        },
      }).factory,
    ],
  });
  const res = await request(server)
    .post('/api/permission/authorize')
    .set('Authorization', mockCredentials.user.header(user))
    .send({
      items: names.map((name, i) => ({
        id: String(i),
        permission: { type: 'basic', name, attributes: {} },
      })),
    });
  expect(res.status).toBe(200);
  return Object.fromEntries(
    res.body.items.map((item: { id: string; result: string }) => [
      names[Number(item.id)],
      item.result,
    ]),
  );
}

const DEVOPS_ONLY = [
  'alerts.silence.create',
  'alerts.silence.expire',
  'incidents.incident.update',
  'kubernetes.proxy',
  'catalog.entity.delete',
  'catalog.location.create',
];
const EVERYONE = [
  'catalog.entity.read',
  'alerts.alert.read',
  'cluster-health.cluster.read',
  'incidents.incident.create',
];

describe('the portal policy in the permission backend', () => {
  it('refuses a dev-team member what is kept for devops, and anything unknown', async () => {
    const result = await decisions('user:default/team-lead', [
      ...DEVOPS_ONLY,
      ...EVERYONE,
      'scaffolder.task.create',
      'someplugin.thing.create',
    ]);
    for (const name of DEVOPS_ONLY) {
      expect([name, result[name]]).toEqual([name, AuthorizeResult.DENY]);
    }
    for (const name of EVERYONE) {
      expect([name, result[name]]).toEqual([name, AuthorizeResult.ALLOW]);
    }
    expect(result['scaffolder.task.create']).toBe(AuthorizeResult.ALLOW);
    expect(result['someplugin.thing.create']).toBe(AuthorizeResult.DENY);
  });

  it('allows a devops member the same operations', async () => {
    const result = await decisions('user:default/devops-lead', DEVOPS_ONLY);
    for (const name of DEVOPS_ONLY) {
      expect([name, result[name]]).toEqual([name, AuthorizeResult.ALLOW]);
    }
  });
});
