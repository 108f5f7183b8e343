import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PermissionGate } from './PermissionGate';

const read = createPermission({
  name: 'cluster-health.cluster.read',
  attributes: { action: 'read' },
});

describe('PermissionGate', () => {
  it('asks once per principal within the TTL and never caches a denial', async () => {
    let result: AuthorizeResult = AuthorizeResult.ALLOW;
    const authorize = jest.fn(async () => [{ result }]);
    const gate = new PermissionGate(
      { authorize, authorizeConditional: jest.fn() } as any,
      50,
    );
    const alice = mockCredentials.user('user:default/alice');
    const bob = mockCredentials.user('user:default/bob');

    await gate.require(read, alice);
    await gate.require(read, alice);
    expect(authorize).toHaveBeenCalledTimes(1);
    await gate.require(read, bob);
    expect(authorize).toHaveBeenCalledTimes(2);

    await new Promise(r => setTimeout(r, 60));
    result = AuthorizeResult.DENY;
    await expect(gate.require(read, alice)).rejects.toThrow(
      'Missing permission cluster-health.cluster.read',
    );
    await expect(gate.require(read, alice)).rejects.toThrow();
    expect(authorize).toHaveBeenCalledTimes(4);
  });
});
