import net from 'node:net';
import { startSimulator, RunningSimulator } from '../simulator';

describe('bad requests get Status bodies', () => {
  let sim: RunningSimulator;
  const call = async (
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${sim.token}`,
        'Content-Type': 'application/json',
        ...headers,
      },
      body,
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text.startsWith('{') ? JSON.parse(text) : text,
    };
  };
  const expectStatus = (
    r: { status: number; body: any },
    code: number,
    reason: string,
  ) => {
    expect(r.status).toBe(code);
    expect(r.body).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      code,
      reason,
    });
    expect(typeof r.body.message).toBe('string');
  };

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'default', clock: 'manual' });
  });
  afterAll(() => sim.stop());

  it('401 without or with a wrong token, but not for health and metrics', async () => {
    const none = await fetch(`${sim.url}/api/v1/pods`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({
      kind: 'Status',
      reason: 'Unauthorized',
      code: 401,
    });
    expectStatus(
      await call('GET', '/api/v1/pods', undefined, {
        Authorization: 'Bearer wrong',
      }),
      401,
      'Unauthorized',
    );
    expect((await fetch(`${sim.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${sim.url}/metrics`)).status).toBe(200);
  });

  it('400 for bad selectors and malformed bodies', async () => {
    expectStatus(
      await call('GET', '/api/v1/pods?labelSelector=app%3D%3D%3Dx'),
      400,
      'BadRequest',
    );
    expectStatus(
      await call('GET', '/api/v1/pods?labelSelector=app%20in%20(a'),
      400,
      'BadRequest',
    );
    expectStatus(
      await call('GET', '/api/v1/pods?fieldSelector=spec.colour%3Dred'),
      400,
      'BadRequest',
    );
    expectStatus(
      await call('GET', '/api/v1/pods?limit=abc'),
      400,
      'BadRequest',
    );
    expectStatus(
      await call('GET', '/api/v1/pods?limit=2&continue=notatoken'),
      400,
      'BadRequest',
    );
    expectStatus(
      await call('POST', '/api/v1/namespaces/dev/configmaps', '{"metadata": {'),
      400,
      'BadRequest',
    );
    expectStatus(
      await call('POST', '/api/v1/namespaces/dev/configmaps', '[1,2]'),
      400,
      'BadRequest',
    );
    expectStatus(
      await call(
        'POST',
        '/api/v1/namespaces/dev/configmaps',
        JSON.stringify({ kind: 'Secret', metadata: { name: 'x' } }),
      ),
      400,
      'BadRequest',
    );
    expectStatus(
      await call(
        'PATCH',
        '/apis/apps/v1/namespaces/trading/deployments/trading-api',
        'a: [',
        { 'Content-Type': 'application/apply-patch+yaml' },
      ),
      400,
      'BadRequest',
    );
    expectStatus(
      await call('GET', '/api/v1/pods?watch=true&resourceVersion=abc'),
      400,
      'BadRequest',
    );
  });

  it('404 for unknown objects and resources', async () => {
    const r = await call('GET', '/api/v1/namespaces/trading/pods/nope');
    expectStatus(r, 404, 'NotFound');
    expect(r.body.message).toBe('pods "nope" not found');
    expectStatus(
      await call('GET', '/apis/apps/v1/namespaces/trading/deployments/nope'),
      404,
      'NotFound',
    );
    expectStatus(await call('GET', '/api/v1/widgets'), 404, 'NotFound');
    expectStatus(
      await call('GET', '/apis/example.com/v1/things'),
      404,
      'NotFound',
    );
    expectStatus(
      await call(
        'POST',
        '/api/v1/namespaces/no-such-ns/configmaps',
        JSON.stringify({ metadata: { name: 'x' } }),
      ),
      404,
      'NotFound',
    );
  });

  it('409 when creating an existing object, 422 for invalid objects, 405 for wrong methods, 415 for unknown patch types', async () => {
    const dup = await call(
      'POST',
      '/api/v1/namespaces/trading/configmaps',
      JSON.stringify({ metadata: { name: 'trading-api-config' } }),
    );
    expectStatus(dup, 409, 'AlreadyExists');
    expect(dup.body.message).toBe(
      'configmaps "trading-api-config" already exists',
    );
    const noName = await call(
      'POST',
      '/api/v1/namespaces/dev/configmaps',
      JSON.stringify({ metadata: {} }),
    );
    expectStatus(noName, 422, 'Invalid');
    expect(noName.body.details.causes[0]).toMatchObject({
      field: 'metadata.name',
      reason: 'FieldValueRequired',
    });
    const badDeploy = await call(
      'POST',
      '/apis/apps/v1/namespaces/dev/deployments',
      JSON.stringify({
        metadata: { name: 'd' },
        spec: {
          selector: { matchLabels: { app: 'x' } },
          template: {
            metadata: { labels: { app: 'y' } },
            spec: { containers: [] },
          },
        },
      }),
    );
    expectStatus(badDeploy, 422, 'Invalid');
    expect(badDeploy.body.details.causes.map((c: any) => c.field)).toEqual([
      'spec.template.metadata.labels',
      'spec.template.spec.containers',
    ]);
    expectStatus(
      await call('POST', '/api/v1/namespaces/trading/pods/x', '{}'),
      405,
      'MethodNotAllowed',
    );
    expectStatus(
      await call('DELETE', '/apis/metrics.k8s.io/v1beta1/nodes/general-1'),
      405,
      'MethodNotAllowed',
    );
    expectStatus(
      await call(
        'PATCH',
        '/api/v1/namespaces/trading/configmaps/trading-api-config',
        '{}',
        { 'Content-Type': 'text/plain' },
      ),
      415,
      'UnsupportedMediaType',
    );
    const stale = await call(
      'PUT',
      '/api/v1/namespaces/trading/configmaps/trading-api-config',
      JSON.stringify({
        metadata: { name: 'trading-api-config', resourceVersion: '1' },
        data: {},
      }),
    );
    expectStatus(stale, 409, 'Conflict');
  });

  it('survives garbage on the socket and keeps serving', async () => {
    await new Promise<void>(resolve => {
      const s = net.connect(sim.port, '127.0.0.1', () => {
        s.write('\x00\x01garbage that is not HTTP\r\n\r\n');
      });
      s.on('data', () => undefined);
      s.on('close', () => resolve());
      s.on('error', () => resolve());
      setTimeout(() => s.destroy(), 500);
    });
    const reply = await new Promise<string>(resolve => {
      const s = net.connect(sim.port, '127.0.0.1', () => {
        s.write(
          'GET /api/v1/pods HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n',
        );
      });
      let data = '';
      s.on('data', d => (data += d));
      s.on('close', () => resolve(data));
    });
    expect(reply).toMatch(/^HTTP\/1.1 400/);
    const ok = await call('GET', '/api/v1/namespaces/trading/pods');
    expect(ok.status).toBe(200);
    expect(ok.body.items.length).toBe(5);
  });
});
