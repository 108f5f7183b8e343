import { startSimulator, RunningSimulator } from '../simulator';

describe('scheduling', () => {
  let sim: RunningSimulator;
  const headers = () => ({
    Authorization: `Bearer ${sim.token}`,
    'Content-Type': 'application/json',
  });
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const get = async (path: string) =>
    (await fetch(`${sim.url}${path}`, { headers: headers() })).json();

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'default', clock: 'manual' });
  });
  afterAll(() => sim.stop());

  const deployment = (name: string, podSpec: object, replicas = 1) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: podSpec },
    },
  });

  it('leaves pods that fit nowhere Pending with an Unschedulable condition', async () => {
    const res = await post(
      '/apis/apps/v1/namespaces/dev/deployments',
      deployment('too-big', {
        containers: [
          {
            name: 'app',
            image: 'big:1',
            resources: { requests: { cpu: '64', memory: '1Gi' } },
          },
        ],
      }),
    );
    expect(res.status).toBe(201);
    const pods = await get(
      '/api/v1/namespaces/dev/pods?labelSelector=app%3Dtoo-big',
    );
    expect(pods.items).toHaveLength(1);
    const pod = pods.items[0];
    expect(pod.status.phase).toBe('Pending');
    expect(pod.spec.nodeName).toBeUndefined();
    const cond = pod.status.conditions.find(
      (c: any) => c.type === 'PodScheduled',
    );
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    expect(cond.message).toMatch(/^0\/7 nodes are available: /);
    expect(cond.message).toContain('5 Insufficient cpu');
    expect(cond.message).toContain(
      '2 node(s) had untolerated taint {nvidia.com/gpu: present}',
    );
    const d = await get('/apis/apps/v1/namespaces/dev/deployments/too-big');
    expect(d.status.readyReplicas).toBeUndefined();
    expect(
      d.status.conditions.find((c: any) => c.type === 'Available').status,
    ).toBe('False');
    const events = await get(
      '/api/v1/namespaces/dev/events?fieldSelector=reason%3DFailedScheduling',
    );
    expect(events.items.length).toBeGreaterThan(0);
  });

  it('places GPU pods only on ai-inference nodes', async () => {
    // model-serving already holds both GPUs; free one by scaling it down
    sim.trigger({ type: 'scale', workload: 'ai/model-serving', replicas: 1 });
    await post(
      '/apis/apps/v1/namespaces/ai/deployments',
      deployment('gpu-job', {
        tolerations: [
          { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
        ],
        containers: [
          {
            name: 'app',
            image: 'cuda:12',
            resources: { limits: { 'nvidia.com/gpu': 1 } },
          },
        ],
      }),
    );
    const pods = await get(
      '/api/v1/namespaces/ai/pods?labelSelector=app%3Dgpu-job',
    );
    expect(pods.items).toHaveLength(1);
    expect(pods.items[0].spec.nodeName).toMatch(/^ai-inference-/);
    const serving = await get(
      '/api/v1/namespaces/ai/pods?labelSelector=app%3Dmodel-serving',
    );
    const gpuNodes = [...serving.items, ...pods.items].map(
      (p: any) => p.spec.nodeName,
    );
    expect(new Set(gpuNodes).size).toBe(2);
    // a second GPU pod does not fit anywhere
    await post(
      '/apis/apps/v1/namespaces/ai/deployments',
      deployment('gpu-job-2', {
        tolerations: [
          { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
        ],
        containers: [
          {
            name: 'app',
            image: 'cuda:12',
            resources: { limits: { 'nvidia.com/gpu': 1 } },
          },
        ],
      }),
    );
    const pending = await get(
      '/api/v1/namespaces/ai/pods?labelSelector=app%3Dgpu-job-2',
    );
    expect(pending.items[0].status.phase).toBe('Pending');
    expect(pending.items[0].status.conditions[0].message).toContain(
      '7 Insufficient nvidia.com/gpu',
    );
  });

  it('never places pods without the GPU toleration on ai-inference nodes', async () => {
    await post(
      '/apis/apps/v1/namespaces/dev/deployments',
      deployment(
        'no-toleration',
        {
          containers: [
            {
              name: 'app',
              image: 'x:1',
              resources: { requests: { cpu: '10m', memory: '16Mi' } },
            },
          ],
        },
        30,
      ),
    );
    const pods = await get(
      '/api/v1/namespaces/dev/pods?labelSelector=app%3Dno-toleration',
    );
    expect(pods.items).toHaveLength(30);
    const nodes = new Set(pods.items.map((p: any) => p.spec.nodeName));
    expect([...nodes].some(n => String(n).startsWith('ai-inference'))).toBe(
      false,
    );
    // spread over the 5 untainted nodes
    expect(nodes.size).toBe(5);
  });

  it('schedules a pending pod once capacity is freed', async () => {
    sim.trigger({ type: 'scale', workload: 'ai/model-serving', replicas: 0 });
    const pods = await get(
      '/api/v1/namespaces/ai/pods?labelSelector=app%3Dgpu-job-2',
    );
    expect(pods.items[0].status.phase).toBe('Running');
    expect(pods.items[0].spec.nodeName).toMatch(/^ai-inference-/);
  });
});
