import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { CachingPermissionsService } from './CachingPermissionsService';

const read = createPermission({
  name: 'cluster-health.cluster.read',
  attributes: { action: 'read' },
});
const create = createPermission({
  name: 'alerts.silence.create',
  attributes: { action: 'create' },
});
const entityRead = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

function setup(ttlMs = 50, maxEntries?: number) {
  const decisions = new Map<string, AuthorizeResult>();
  const authorize = jest.fn(async (requests: any[]) =>
    requests.map(r => ({
      result: decisions.get(r.permission.name) ?? AuthorizeResult.ALLOW,
    })),
  );
  const inner = { authorize, authorizeConditional: jest.fn() } as any;
  return {
    decisions,
    authorize,
    inner,
    service: new CachingPermissionsService(inner, ttlMs, maxEntries),
  };
}

describe('CachingPermissionsService', () => {
  const alice = mockCredentials.user('user:default/alice');
  const bob = mockCredentials.user('user:default/bob');

  it('asks once per principal within the TTL and never caches a denial', async () => {
    const { service, authorize, decisions } = setup();
    const ask = (credentials = alice) =>
      service.authorize([{ permission: read }], { credentials });

    expect(await ask()).toEqual([{ result: AuthorizeResult.ALLOW }]);
    await ask();
    expect(authorize).toHaveBeenCalledTimes(1);
    await ask(bob);
    expect(authorize).toHaveBeenCalledTimes(2);

    await new Promise(r => setTimeout(r, 60));
    decisions.set(read.name, AuthorizeResult.DENY);
    expect(await ask()).toEqual([{ result: AuthorizeResult.DENY }]);
    expect(await ask()).toEqual([{ result: AuthorizeResult.DENY }]);
    expect(authorize).toHaveBeenCalledTimes(4);
  });

  it('holds at most maxEntries decisions, dropping the least recently used', async () => {
    const { service, authorize } = setup(60_000, 2);
    const ask = (credentials: typeof alice) =>
      service.authorize([{ permission: read }], { credentials });
    const carol = mockCredentials.user('user:default/carol');
    await ask(alice);
    await ask(bob);
    await ask(alice);
    await ask(carol); // bob was the least recently used: dropped
    expect(authorize).toHaveBeenCalledTimes(3);
    await ask(alice);
    expect(authorize).toHaveBeenCalledTimes(3);
    await ask(bob);
    expect(authorize).toHaveBeenCalledTimes(4);
  });

  it('asks only for what it does not hold, answering in request order', async () => {
    const { service, authorize, decisions } = setup(10_000);
    decisions.set(create.name, AuthorizeResult.DENY);
    await service.authorize([{ permission: read }], { credentials: alice });
    const answers = await service.authorize(
      [{ permission: create }, { permission: read }],
      { credentials: alice },
    );
    expect(answers).toEqual([
      { result: AuthorizeResult.DENY },
      { result: AuthorizeResult.ALLOW },
    ]);
    expect(authorize).toHaveBeenLastCalledWith(
      [{ permission: create }],
      expect.anything(),
    );
  });

  it('never caches resource permissions, anonymous callers or conditional decisions', async () => {
    const { service, authorize, inner } = setup(10_000);
    const request = {
      permission: entityRead,
      resourceRef: 'component:default/trading-api',
    };
    await service.authorize([request], { credentials: alice });
    await service.authorize([request], { credentials: alice });
    expect(authorize).toHaveBeenCalledTimes(2);

    const none = mockCredentials.none();
    await service.authorize([{ permission: read }], { credentials: none });
    await service.authorize([{ permission: read }], { credentials: none });
    expect(authorize).toHaveBeenCalledTimes(4);

    await service.authorizeConditional([{ permission: entityRead }], {
      credentials: alice,
    });
    await service.authorizeConditional([{ permission: entityRead }], {
      credentials: alice,
    });
    expect(inner.authorizeConditional).toHaveBeenCalledTimes(2);
  });
});
