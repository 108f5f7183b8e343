import { mockCredentials } from '@backstage/backend-test-utils';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityResolver } from './EntityResolver';

const tradingApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'trading-api', namespace: 'default' },
  spec: { type: 'service', owner: 'trading-team', lifecycle: 'production' },
};
const alice = mockCredentials.user('user:default/alice');
const bob = mockCredentials.user('user:default/bob');

/** A catalog where only alice may read trading-api, answering after `delayMs`. */
function catalog(delayMs = 0) {
  const getEntityByRef = jest.fn(
    async (
      ref: string | CompoundEntityRef,
      options?: { credentials: BackstageCredentials },
    ) => {
      await new Promise(r => setTimeout(r, delayMs));
      const principal = options?.credentials.principal as {
        userEntityRef?: string;
      };
      const name = typeof ref === 'string' ? ref : ref.name;
      return principal.userEntityRef === 'user:default/alice' &&
        name.endsWith('trading-api')
        ? tradingApi
        : undefined;
    },
  );
  return { mock: catalogServiceMock.mock({ getEntityByRef }), getEntityByRef };
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('EntityResolver', () => {
  it('asks the catalog once for many concurrent and repeated requests', async () => {
    const { mock, getEntityByRef } = catalog(20);
    const resolver = EntityResolver.create({ catalog: mock });
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        resolver.resolve('component:default/trading-api', alice),
      ),
    );
    expect(results.every(e => e === tradingApi)).toBe(true);
    expect(
      await resolver.resolve(
        { kind: 'Component', namespace: 'default', name: 'Trading-API' },
        alice,
      ),
    ).toBe(tradingApi);
    expect(getEntityByRef).toHaveBeenCalledTimes(1);
    expect(getEntityByRef.mock.calls[0][1]).toEqual({ credentials: alice });
  });

  it('keeps each caller apart, so catalog read permissions apply per user', async () => {
    const { mock, getEntityByRef } = catalog();
    const resolver = EntityResolver.create({ catalog: mock });
    const ref = 'component:default/trading-api';
    expect(await resolver.find(ref, alice)).toBe(tradingApi);
    expect(await resolver.find(ref, bob)).toBeUndefined();
    expect(await resolver.find(ref, alice)).toBe(tradingApi);
    expect(await resolver.find(ref, bob)).toBeUndefined();
    expect(getEntityByRef).toHaveBeenCalledTimes(2);
    expect(getEntityByRef.mock.calls.map(c => c[1]?.credentials)).toEqual([
      alice,
      bob,
    ]);
  });

  it('asks again once the TTL has passed', async () => {
    const { mock, getEntityByRef } = catalog();
    const resolver = EntityResolver.create({
      catalog: mock,
      ttl: { milliseconds: 60 },
    });
    const ref = 'component:default/trading-api';
    await resolver.resolve(ref, alice);
    await resolver.resolve(ref, alice);
    expect(getEntityByRef).toHaveBeenCalledTimes(1);
    await sleep(100);
    await resolver.resolve(ref, alice);
    expect(getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('answers NotFoundError for an entity the caller cannot read, remembered briefly', async () => {
    const { mock, getEntityByRef } = catalog();
    const resolver = EntityResolver.create({
      catalog: mock,
      ttl: { seconds: 60 },
      notFoundTtl: { milliseconds: 60 },
    });
    const ref = 'component:default/nope';
    const notFound = expect.objectContaining({
      name: 'NotFoundError',
      message: 'No entity component:default/nope in the catalog',
    });
    await expect(resolver.resolve(ref, alice)).rejects.toEqual(notFound);
    await expect(resolver.resolve(ref, alice)).rejects.toEqual(notFound);
    expect(getEntityByRef).toHaveBeenCalledTimes(1);
    await sleep(100);
    await expect(resolver.resolve(ref, alice)).rejects.toEqual(notFound);
    expect(getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed catalog call', async () => {
    const { mock, getEntityByRef } = catalog();
    getEntityByRef.mockRejectedValueOnce(new Error('catalog down'));
    const resolver = EntityResolver.create({ catalog: mock });
    const ref = 'component:default/trading-api';
    await expect(resolver.resolve(ref, alice)).rejects.toThrow('catalog down');
    expect(await resolver.resolve(ref, alice)).toBe(tradingApi);
    expect(getEntityByRef).toHaveBeenCalledTimes(2);
  });
});
