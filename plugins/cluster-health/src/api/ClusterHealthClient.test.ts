import { ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { clusters, nodes, workloads } from '../__testUtils__/fixtures';
import { ClusterHealthClient } from './ClusterHealthClient';

const baseUrl = 'http://backstage.test/api/cluster-health';

describe('ClusterHealthClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const requests: Array<{ url: string; auth: string | null }> = [];
  const fetchApi = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, {
        ...init,
        headers: { ...(init?.headers as object), Authorization: 'Bearer t' },
      }),
  };
  const client = new ClusterHealthClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi,
  });

  beforeEach(() => {
    requests.length = 0;
    server.events.on('request:start', ({ request }) => {
      requests.push({
        url: request.url,
        auth: request.headers.get('authorization'),
      });
    });
  });
  afterEach(() => server.events.removeAllListeners());

  it('gets clusters with the token from the fetch API', async () => {
    server.use(
      http.get(`${baseUrl}/clusters`, () => HttpResponse.json(clusters)),
    );
    await expect(client.getClusters()).resolves.toEqual(clusters);
    expect(requests).toEqual([
      { url: `${baseUrl}/clusters`, auth: 'Bearer t' },
    ]);
  });

  it('URL-encodes cluster and pool names', async () => {
    server.use(
      http.get(`${baseUrl}/clusters/:cluster/node-pools`, ({ params }) =>
        HttpResponse.json([{ name: 'p', cluster: params.cluster }]),
      ),
      http.get(`${baseUrl}/clusters/:cluster/node-pools/:pool/nodes`, () =>
        HttpResponse.json(nodes),
      ),
    );
    await expect(client.getNodePools('prod eu/1')).resolves.toEqual([
      { name: 'p', cluster: 'prod eu/1' },
    ]);
    await expect(
      client.getNodes('prod eu/1', 'ai#inference'),
    ).resolves.toHaveLength(3);
    expect(requests.map(r => r.url)).toEqual([
      `${baseUrl}/clusters/prod%20eu%2F1/node-pools`,
      `${baseUrl}/clusters/prod%20eu%2F1/node-pools/ai%23inference/nodes`,
    ]);
  });

  it('passes the entity ref as a query parameter', async () => {
    server.use(
      http.get(`${baseUrl}/workloads`, ({ request }) =>
        new URL(request.url).searchParams.get('entityRef') ===
        'component:default/trading-api'
          ? HttpResponse.json(workloads)
          : HttpResponse.json({}, { status: 400 }),
      ),
    );
    await expect(
      client.getWorkloads('component:default/trading-api'),
    ).resolves.toEqual(workloads);
    expect(requests[0].url).toBe(
      `${baseUrl}/workloads?entityRef=component%3Adefault%2Ftrading-api`,
    );
  });

  it('gets the deployment history of an entity', async () => {
    const history = {
      entityRef: 'component:default/trading-api',
      deployments: [],
      errors: [],
    };
    server.use(
      http.get(`${baseUrl}/deployments/history`, ({ request }) =>
        new URL(request.url).searchParams.get('entityRef') ===
        'component:default/trading-api'
          ? HttpResponse.json(history)
          : HttpResponse.json({}, { status: 400 }),
      ),
    );
    await expect(
      client.getDeploymentHistory('component:default/trading-api'),
    ).resolves.toEqual(history);
    expect(requests[0].url).toBe(
      `${baseUrl}/deployments/history?entityRef=component%3Adefault%2Ftrading-api`,
    );
  });

  it('throws a ResponseError with the backend error on 404', async () => {
    server.use(
      http.get(`${baseUrl}/clusters/:cluster/node-pools/:pool/nodes`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'Unknown pool nope' },
            request: {
              method: 'GET',
              url: '/clusters/prod-eu/node-pools/nope/nodes',
            },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const error = await client.getNodes('prod-eu', 'nope').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(404);
    expect(error.body.error.name).toBe('NotFoundError');
    expect(error.body.error.message).toBe('Unknown pool nope');
    expect(error.message).toContain('404');
  });
});
