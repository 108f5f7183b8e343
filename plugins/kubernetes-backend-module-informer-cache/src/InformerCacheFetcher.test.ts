import { mockServices } from '@backstage/backend-test-utils';
import type {
  ClusterDetails,
  FetchResponseWrapper,
  KubernetesCredential,
  KubernetesFetcher,
  ObjectFetchParams,
  ObjectToFetch,
} from '@backstage/plugin-kubernetes-node';
import type { ClusterCacheState } from '@fdp/plugin-kubernetes-informer-cache-node';
import { FakeInformerCache } from '@fdp/plugin-kubernetes-informer-cache-node/testUtils';
import { InformerCacheFetcher } from './InformerCacheFetcher';

const pod = (name: string, id = 'trading-api') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'trading',
    labels: { 'backstage.io/kubernetes-id': id },
  },
  spec: {
    containers: [
      { name: 'c', resources: { requests: { cpu: '500m', memory: '1Gi' } } },
    ],
  },
});

const fdpState: ClusterCacheState = {
  name: 'fdp-cluster',
  authProvider: 'serviceAccount',
  url: 'https://k8s.example.com',
  watched: true,
  synced: true,
  stale: false,
  metricsAt: '2024-01-01T00:00:00Z',
  kinds: {
    pods: { synced: true, stale: false, detail: 'full', count: 3 },
    services: { synced: true, stale: false, detail: 'full', count: 0 },
  },
};

function fakeCache(states: ClusterCacheState[]) {
  const cache = new FakeInformerCache();
  for (const state of states) cache.addCluster(state.name, state);
  for (const p of [pod('b'), pod('a'), pod('other', 'other-app')]) {
    cache.put('fdp-cluster', 'pods', p);
  }
  cache.setPodUsage('fdp-cluster', [
    {
      namespace: 'trading',
      name: 'a',
      timestamp: 't',
      containers: [
        {
          name: 'c',
          cpuMillis: 250,
          memoryBytes: 1024,
          usage: { cpu: '250000000n', memory: '1Ki' },
        },
      ],
    },
  ]);
  jest.spyOn(cache, 'podUsage');
  return cache;
}

const POD: ObjectToFetch = {
  objectType: 'pods',
  group: '',
  apiVersion: 'v1',
  plural: 'pods',
};
const SERVICE: ObjectToFetch = {
  objectType: 'services',
  group: '',
  apiVersion: 'v1',
  plural: 'services',
};
const BACKUPS = {
  objectType: 'customresources' as const,
  group: 'velero.io',
  apiVersion: 'v1',
  plural: 'backups',
};

function cluster(
  name: string,
  authProvider: string,
  url = 'https://k8s.example.com',
): ClusterDetails {
  return {
    name,
    url,
    authMetadata: { 'kubernetes.io/auth-provider': authProvider },
  };
}

function params(
  clusterDetails: ClusterDetails,
  customResources: ObjectFetchParams['customResources'] = [],
): ObjectFetchParams {
  return {
    serviceId: 'trading-api',
    clusterDetails,
    credential: { type: 'bearer token', token: 't' },
    objectTypesToFetch: new Set([POD, SERVICE]),
    labelSelector: 'backstage.io/kubernetes-id=trading-api',
    customResources,
  };
}

function fakeDefault(answer: FetchResponseWrapper) {
  const fetcher: jest.Mocked<KubernetesFetcher> = {
    fetchObjectsForService: jest.fn(
      async (_params: ObjectFetchParams) => answer,
    ),
    fetchPodMetricsByNamespaces: jest.fn(
      async (
        _cluster: ClusterDetails,
        _credential: KubernetesCredential,
        _namespaces: Set<string>,
        _selector?: string,
      ): Promise<FetchResponseWrapper> => ({ errors: [], responses: [] }),
    ),
  };
  return { fetcher, getDefault: jest.fn(async () => fetcher) };
}

const logger = mockServices.logger.mock();

describe('InformerCacheFetcher', () => {
  it('passes a cluster with client-side auth (oidc) to the default fetcher', async () => {
    const oidc: ClusterCacheState = {
      name: 'oidc-cluster',
      authProvider: 'oidc',
      watched: false,
      synced: false,
      stale: false,
      error: 'not watched: the cache needs server-side auth',
    };
    const answer = {
      errors: [],
      responses: [{ type: 'pods', resources: [] }],
    } as FetchResponseWrapper;
    const { fetcher, getDefault } = fakeDefault(answer);
    const cached = new InformerCacheFetcher({
      cache: fakeCache([fdpState, oidc]),
      getDefault,
      logger,
    });
    const p = params(cluster('oidc-cluster', 'oidc'));
    await expect(cached.fetchObjectsForService(p)).resolves.toBe(answer);
    expect(fetcher.fetchObjectsForService).toHaveBeenCalledWith(p);
    await cached.fetchPodMetricsByNamespaces(
      p.clusterDetails,
      p.credential,
      new Set(['trading']),
    );
    expect(fetcher.fetchPodMetricsByNamespaces).toHaveBeenCalledTimes(1);
  });

  it('passes stale, unsynced, unknown or differently addressed clusters to the default fetcher', async () => {
    const { fetcher, getDefault } = fakeDefault({ errors: [], responses: [] });
    for (const [state, details] of [
      [{ ...fdpState, stale: true }, cluster('fdp-cluster', 'serviceAccount')],
      [
        { ...fdpState, synced: false },
        cluster('fdp-cluster', 'serviceAccount'),
      ],
      [fdpState, cluster('elsewhere', 'serviceAccount')],
      [fdpState, cluster('fdp-cluster', 'serviceAccount', 'https://other')],
      [fdpState, cluster('fdp-cluster', 'google')],
    ] as const) {
      const cached = new InformerCacheFetcher({
        cache: fakeCache([state]),
        getDefault,
        logger,
      });
      await cached.fetchObjectsForService(params(details));
    }
    expect(fetcher.fetchObjectsForService).toHaveBeenCalledTimes(5);
    expect(getDefault).toHaveBeenCalledTimes(5);
  });

  it('answers held kinds from the cache in LIST order and delegates the rest', async () => {
    const backups = [{ metadata: { name: 'b1' } }];
    const { fetcher, getDefault } = fakeDefault({
      errors: [],
      responses: [{ type: 'customresources', resources: backups }],
    });
    const cached = new InformerCacheFetcher({
      cache: fakeCache([fdpState]),
      getDefault,
      logger,
    });
    const result = await cached.fetchObjectsForService(
      params(cluster('fdp-cluster', 'serviceAccount'), [BACKUPS]),
    );
    expect(result.errors).toEqual([]);
    expect(result.responses.map(r => r.type)).toEqual([
      'pods',
      'services',
      'customresources',
    ]);
    expect(
      result.responses[0].resources.map((p: any) => p.metadata.name),
    ).toEqual(['a', 'b']);
    expect(result.responses[2].resources).toBe(backups);
    const call = fetcher.fetchObjectsForService.mock.calls[0][0];
    expect([...call.objectTypesToFetch]).toEqual([]);
    expect(call.customResources).toEqual([BACKUPS]);
  });

  it('keeps the default fetcher errors of delegated types', async () => {
    const error = {
      errorType: 'NOT_FOUND' as const,
      statusCode: 404,
      resourcePath: '/apis/velero.io/v1/backups',
    };
    const { getDefault } = fakeDefault({ errors: [error], responses: [] });
    const cached = new InformerCacheFetcher({
      cache: fakeCache([fdpState]),
      getDefault,
      logger,
    });
    const result = await cached.fetchObjectsForService(
      params(cluster('fdp-cluster', 'serviceAccount'), [BACKUPS]),
    );
    expect(result.errors).toEqual([error]);
    expect(result.responses.map(r => r.type)).toEqual(['pods', 'services']);
  });

  it('delegates selectors it cannot parse', async () => {
    const { fetcher, getDefault } = fakeDefault({ errors: [], responses: [] });
    const cached = new InformerCacheFetcher({
      cache: fakeCache([fdpState]),
      getDefault,
      logger,
    });
    await cached.fetchObjectsForService({
      ...params(cluster('fdp-cluster', 'serviceAccount')),
      labelSelector: 'a in (b',
    });
    expect(fetcher.fetchObjectsForService).toHaveBeenCalledTimes(1);
  });

  it('computes pod metrics like the default fetcher', async () => {
    const { fetcher, getDefault } = fakeDefault({ errors: [], responses: [] });
    const cached = new InformerCacheFetcher({
      cache: fakeCache([fdpState]),
      getDefault,
      logger,
    });
    const result = await cached.fetchPodMetricsByNamespaces(
      cluster('fdp-cluster', 'serviceAccount'),
      { type: 'bearer token', token: 't' },
      new Set(['trading']),
      'backstage.io/kubernetes-id=trading-api',
    );
    expect(fetcher.fetchPodMetricsByNamespaces).not.toHaveBeenCalled();
    expect(result.errors).toEqual([]);
    const [{ type, resources }] = result.responses as any[];
    expect(type).toBe('podstatus');
    expect(resources.map((r: any) => r.Pod.metadata.name)).toEqual(['a', 'b']);
    expect(resources[0].CPU).toMatchObject({
      CurrentUsage: 0.25,
      RequestTotal: 0.5,
    });
    expect(resources[0].Memory.CurrentUsage).toBe(BigInt(1024));
    expect(resources[0].Containers).toHaveLength(1);
    // no metrics sample for b: zero usage, no container rows (as topPods does)
    expect(resources[1].CPU.CurrentUsage).toBe(0);
    expect(resources[1].Containers).toEqual([]);
  });

  it('asks the cache for the namespace and selector, and falls back when it cannot answer', async () => {
    const { fetcher, getDefault } = fakeDefault({ errors: [], responses: [] });
    const cache = fakeCache([fdpState]);
    const cached = new InformerCacheFetcher({ cache, getDefault, logger });
    const details = cluster('fdp-cluster', 'serviceAccount');
    const credential = { type: 'bearer token' as const, token: 't' };
    await cached.fetchPodMetricsByNamespaces(
      details,
      credential,
      new Set(['trading', 'other']),
      'app=x',
    );
    expect(cache.podUsage).toHaveBeenCalledWith('fdp-cluster', {
      namespace: 'trading',
      labelSelector: 'app=x',
    });
    expect(cache.podUsage).toHaveBeenCalledWith('fdp-cluster', {
      namespace: 'other',
      labelSelector: 'app=x',
    });
    expect(fetcher.fetchPodMetricsByNamespaces).not.toHaveBeenCalled();

    jest
      .mocked(cache.podUsage)
      .mockRejectedValueOnce(new Error('metrics.k8s.io: 503'));
    await cached.fetchPodMetricsByNamespaces(
      details,
      credential,
      new Set(['trading']),
      'app=x',
    );
    expect(fetcher.fetchPodMetricsByNamespaces).toHaveBeenCalledWith(
      details,
      credential,
      new Set(['trading']),
      'app=x',
    );
  });
});
