/*
 * The real backend (development config, SQLite files) with the platform
 * simulator as its cluster, asked as the Create page asks it, by a dev-team
 * member (team-lead): the four templates are in the catalog; an
 * inference-service in `dev` is committed, registered (the entity is there
 * when the task ends) and applied, and the Kubernetes tab shows its pods on
 * ai-inference nodes; the same in `production` is refused by the portal's
 * policy (./permissions/decide.ts) before anything is published, registered
 * or applied.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  loadScenario,
  RunningSimulator,
  startSimulator,
} from '@fdp/platform-sim';
import {
  BackendProcess,
  eventually,
  freePort,
  testUserToken,
} from '../testing/backendProcess';

jest.setTimeout(240_000);

let sim: RunningSimulator;
let backend: BackendProcess;
let baseUrl: string;
let token: string;
let publishDir: string;

beforeAll(async () => {
  // the documented cluster with the GPU pool grown to 4 of its 5 nodes:
  // model-serving holds the two GPUs the scenario starts with
  const scenario = loadScenario('default');
  scenario.nodePools = scenario.nodePools.map(pool =>
    pool.name === 'ai-inference' ? { ...pool, count: 4 } : pool,
  );
  sim = await startSimulator({ scenario, port: 0 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-templates-'));
  publishDir = path.join(dir, 'repos');
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  backend = BackendProcess.start({
    configOverride: `
app: { baseUrl: ${baseUrl} }
backend:
  baseUrl: ${baseUrl}
  listen: { port: ${port} }
  database: { client: better-sqlite3, connection: { directory: ${dir} } }
scaffolder: { platform: { publishDir: ${publishDir} } }
kubernetes:
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: fdp-cluster
          url: ${sim.httpsUrl}
          caData: ${Buffer.from(sim.caCert).toString('base64')}
          authProvider: serviceAccount
          serviceAccountToken: ${sim.token}
`,
  });
  token = await eventually(() => testUserToken(baseUrl, 'team-lead'), {
    timeoutMs: 150_000,
    what: 'team-lead sign-in',
    abort: () =>
      backend.hasExited
        ? `backend exited:\n${backend.log().slice(-3000)}`
        : undefined,
  });
});

afterAll(async () => {
  await backend?.stop();
  await sim?.stop();
});

const call = (p: string, body?: unknown) =>
  fetch(`${baseUrl}${p}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: body ? JSON.stringify(body) : undefined,
  });

/** Runs inference-service to its end: the task and each step's last status. */
async function runInferenceService(name: string, namespace: string) {
  const res = await call('/api/scaffolder/v2/tasks', {
    templateRef: 'template:default/inference-service',
    values: {
      name,
      owner: 'group:default/dev-team',
      system: 'system:default/financial-data-platform',
      cluster: 'fdp-cluster',
      namespace,
      replicas: 2,
    },
  });
  expect(res.status).toBe(201);
  const { id } = await res.json();
  const task = await eventually(
    async () => {
      const t = await (await call(`/api/scaffolder/v2/tasks/${id}`)).json();
      return ['completed', 'failed'].includes(t.status) ? t : undefined;
    },
    { timeoutMs: 60_000, what: `task ${name}` },
  );
  const events = await (
    await call(`/api/scaffolder/v2/tasks/${id}/events`)
  ).json();
  const steps: Record<string, string> = {};
  for (const e of events) {
    if (e.body.stepId && e.body.status) steps[e.body.stepId] = e.body.status;
  }
  const log = events.map((e: any) => e.body.message).join('\n');
  const seconds =
    (Date.parse(task.lastHeartbeatAt ?? events.at(-1).createdAt) -
      Date.parse(task.createdAt)) /
    1000;
  return { task, steps, log, seconds };
}

it('has the four service templates on the Create page', async () => {
  const templates = await eventually(
    async () => {
      const list = await (
        await call('/api/catalog/entities?filter=kind=template')
      ).json();
      return list.length >= 4
        ? list.map((t: any) => t.metadata.name).sort()
        : undefined;
    },
    { timeoutMs: 60_000, what: 'templates in the catalog' },
  );
  expect(templates).toEqual([
    'api-service',
    'collector-service',
    'inference-service',
    'stream-processing-service',
  ]);
});

it('creates an inference service in dev: committed, registered, applied, pods on ai-inference', async () => {
  const { task, steps, log, seconds } = await runInferenceService(
    'price-model',
    'dev',
  );
  expect([task.status, log]).toEqual(['completed', expect.any(String)]);
  expect(steps).toEqual({
    fetch: 'completed',
    render: 'completed',
    lint: 'completed',
    check: 'completed',
    publish: 'completed',
    register: 'completed',
    apply: 'completed',
  });
  expect(seconds).toBeLessThan(15);
  expect(
    fs.existsSync(path.join(publishDir, 'price-model', '.git', 'HEAD')),
  ).toBe(true);

  const entityRes = await call(
    '/api/catalog/entities/by-name/component/default/price-model',
  );
  expect(entityRes.status).toBe(200);
  const entity = await entityRes.json();
  expect(entity.spec.owner).toBe('group:default/dev-team');

  const pods = await eventually(
    async () => {
      const res = await call('/api/kubernetes/services/price-model', {
        entity,
      });
      const body = await res.json();
      const found = body.items?.[0]?.resources?.find(
        (r: any) => r.type === 'pods',
      )?.resources;
      return found?.length === 2 &&
        found.every((p: any) => p.status.phase === 'Running')
        ? found
        : undefined;
    },
    { timeoutMs: 30_000, what: 'pods in the Kubernetes tab' },
  );
  for (const pod of pods) {
    expect(pod.spec.nodeName).toMatch(/^ai-inference-/);
  }
});

it('refuses a dev-team member production before anything is written', async () => {
  const { task, steps, log } = await runInferenceService(
    'price-model-prod',
    'production',
  );
  expect(task.status).toBe('failed');
  expect(steps).toMatchObject({
    lint: 'completed',
    check: 'failed',
    publish: 'skipped',
    register: 'skipped',
    apply: 'skipped',
  });
  expect(log).toContain('Unauthorized action: kubernetes:apply');
  expect(fs.existsSync(path.join(publishDir, 'price-model-prod'))).toBe(false);
  expect(
    (
      await call(
        '/api/catalog/entities/by-name/component/default/price-model-prod',
      )
    ).status,
  ).toBe(404);
});
