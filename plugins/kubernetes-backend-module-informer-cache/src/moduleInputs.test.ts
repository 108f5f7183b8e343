/*
 * Malformed input to the official Kubernetes routes, through a backend with
 * the official plugin and this module: a 400 naming the field (the module's
 * request validation sits in front of the official router), never the 500
 * TypeError/RangeError/"URI malformed" the official routes answer alone;
 * and a cluster that drops connections yields a FETCH_ERROR without its URL.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { startSimulator, RunningSimulator } from '@fdp/platform-sim';
import http from 'node:http';
import net from 'node:net';
import request from 'supertest';
import { kubernetesModuleInformerCache } from './module';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-api',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'trading-api' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-trading' },
};
const ref = 'component:default/trading-api';
const vpa = {
  group: 'autoscaling.k8s.io',
  apiVersion: 'v1',
  plural: 'verticalpodautoscalers',
};

/** A stand-in catalog answering the kubernetes backend's entity lookup. */
const fakeCatalog = createBackendPlugin({
  pluginId: 'catalog',
  register(env) {
    env.registerInit({
      deps: { http: coreServices.httpRouter },
      async init({ http: router }) {
        router.use((req, res, next) => {
          if (req.path === '/entities/by-name/component/default/trading-api') {
            res.json(entity);
          } else {
            next();
          }
        });
      },
    });
  },
});

/** JSON text nesting `leaf` (JSON) `levels` deep; built as text, JSON.stringify would overflow the stack. */
function nested(levels: number, leaf: string, array: boolean): string {
  return array
    ? `${'['.repeat(levels)}${leaf}${']'.repeat(levels)}`
    : `${'{"a":'.repeat(levels)}${leaf}${'}'.repeat(levels)}`;
}

/** A raw GET: supertest would not send a path with a bad percent-encoding. */
function rawGet(
  server: http.Server,
  path: string,
): Promise<{ status: number; body: string }> {
  const { port } = server.address() as net.AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .get(
        {
          host: '127.0.0.1',
          port,
          path,
          headers: { Authorization: mockCredentials.user.header() },
        },
        res => {
          let body = '';
          res.on('data', d => (body += d));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        },
      )
      .on('error', reject);
  });
}

function expectClean400(res: { status: number; text?: string }, text: string) {
  expect(res.status).toBe(400);
  expect(text).not.toMatch(/\n\s+at |TypeError|RangeError|127\.0\.0\.1/);
}

describe('official Kubernetes routes behind the module', () => {
  let sim: RunningSimulator;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    sim = await startSimulator({
      scenario: 'default',
      port: 0,
      clock: 'manual',
    });
    backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        kubernetesModuleInformerCache,
        fakeCatalog,
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                { type: 'config', clusters: [sim.backstageCluster] },
              ],
            },
          },
        }),
      ],
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await sim?.stop();
  });

  const post = (path: string) =>
    request(backend.server)
      .post(`/api/kubernetes${path}`)
      .set('Authorization', mockCredentials.user.header());

  it.each([
    [
      'JSON sent as text/plain',
      JSON.stringify({ entity }),
      'text/plain',
      /Content-Type: application\/json/,
    ],
    ['an empty body', '', 'application/json', /Required at "entity"/],
    ['an array', '[]', 'application/json', /Expected object, received array/],
    [
      'an object nested 10,000 levels',
      nested(10_000, '1', false),
      'application/json',
      /Unrecognized key\(s\) in object: 'a'/,
    ],
    [
      'an array nested 10,000 levels',
      nested(10_000, '1', true),
      'application/json',
      /Expected object, received array/,
    ],
    ['entity: null', '{"entity":null}', 'application/json', /at "entity"/],
    [
      'an entity without a name',
      JSON.stringify({ entity: { ...entity, metadata: {} } }),
      'application/json',
      /at "entity.metadata.name"/,
    ],
    [
      'auth nested 10,000 levels',
      `{"entity":${JSON.stringify(entity)},"auth":{"google":${nested(
        10_000,
        '"t"',
        false,
      )}}}`,
      'application/json',
      /nest deeper than 32 levels at "auth"/,
    ],
  ])(
    'POST /services/:serviceId with %s: 400',
    async (_what, body, type, message) => {
      const res = await post('/services/trading-api')
        .set('Content-Type', type)
        .send(body);
      expectClean400(res, res.text);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
    },
  );

  it.each(['group', 'apiVersion', 'plural'])(
    'POST /resources/custom/query with a nested or 64 KB %s: 400 naming it',
    async field => {
      const long = JSON.stringify('x'.repeat(65_536));
      for (const value of [nested(10_000, '"x"', true), long]) {
        const body = JSON.stringify({
          entityRef: ref,
          auth: {},
          customResources: [{ ...vpa, [field]: '@VALUE@' }],
        }).replace('"@VALUE@"', value);
        const res = await post('/resources/custom/query')
          .set('Content-Type', 'application/json')
          .send(body);
        expectClean400(res, res.text);
        expect(res.body.error.message).toContain(
          `at "customResources[0].${field}"`,
        );
      }
    },
  );

  it('POST /resources/workloads/query with an unknown key or no entityRef: 400', async () => {
    const extra = await post('/resources/workloads/query').send({
      entityRef: ref,
      auth: {},
      cluster: 'x',
    });
    expectClean400(extra, extra.text);
    expect(extra.body.error.message).toMatch(
      /Unrecognized key\(s\) in object: 'cluster'/,
    );
    const missing = await post('/resources/workloads/query').send({ auth: {} });
    expectClean400(missing, missing.text);
    expect(missing.body.error.message).toMatch(/at "entityRef"/);
  });

  it('a body over 100 kB: 413', async () => {
    const res = await post('/resources/workloads/query').send({
      entityRef: ref,
      auth: { google: 'x'.repeat(200_000) },
    });
    expect(res.status).toBe(413);
  });

  it('still answers well-formed requests', async () => {
    const services = await post('/services/trading-api').send({
      entity,
      auth: {},
    });
    expect(services.status).toBe(200);
    expect(services.body.items[0].errors).toEqual([]);
    const workloads = await post('/resources/workloads/query').send({
      entityRef: ref,
      auth: {},
    });
    expect(workloads.status).toBe(200);
    const custom = await post('/resources/custom/query').send({
      entityRef: ref,
      auth: {},
      customResources: [vpa],
    });
    expect(custom.status).toBe(200);
    expect(custom.body.items[0].resources[0].resources[0].kind).toBe(
      'VerticalPodAutoscaler',
    );
  });

  it.each(['%', '%zz', '/api/v1/namespaces/%E0%A4%A'])(
    'GET /proxy with the path %s: 400',
    async path => {
      const res = await rawGet(
        backend.server,
        `/api/kubernetes/proxy/${path.replace(/^\//, '')}`,
      );
      expectClean400(res, res.body);
      expect(JSON.parse(res.body).error.message).toBe(
        'Invalid proxy path: it is not valid percent-encoding',
      );
    },
  );
});

describe('a cluster that drops connections', () => {
  it('answers a FETCH_ERROR without the cluster URL', async () => {
    const dropping = net.createServer(socket => socket.destroy());
    await new Promise<void>(r => dropping.listen(0, '127.0.0.1', r));
    const { port } = dropping.address() as net.AddressInfo;
    const backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        kubernetesModuleInformerCache,
        fakeCatalog,
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'dropping',
                      url: `https://127.0.0.1:${port}`,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: 'token',
                      skipTLSVerify: true,
                      skipMetricsLookup: true,
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    });
    try {
      const res = await request(backend.server)
        .post('/api/kubernetes/services/trading-api')
        .set('Authorization', mockCredentials.user.header())
        .send({ entity });
      expect(res.status).toBe(200);
      const [error] = res.body.items[0].errors;
      expect(error.errorType).toBe('FETCH_ERROR');
      expect(error.message).toMatch(/\/api\/v1\/|\/apis\//);
      expect(res.text).not.toContain(`127.0.0.1:${port}`);
    } finally {
      await backend.stop();
      dropping.close();
    }
  });
});
