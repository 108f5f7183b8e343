/*
 * The real backend (development config, SQLite files), asked as the browser
 * asks it:
 * - every permission an installed plugin declares has a rule in ./decide.ts,
 *   so a new plugin's permission fails here until someone decides it;
 * - a dev-team member signed in through the development test-user sign-in
 *   reads, and gets 403 from the routes the access control keeps for devops;
 * - it updates an incident it owns (the policy's conditional decision applied
 *   by the incidents router), not another one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BackendProcess,
  eventually,
  freePort,
  guestToken,
  testUserToken,
} from '../testing/backendProcess';
import { RULES } from './decide';

jest.setTimeout(180_000);

let backend: BackendProcess;
let baseUrl: string;
let guest: string;
let teamLead: string;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-policy-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  backend = BackendProcess.start({
    configOverride: `
app: { baseUrl: ${baseUrl} }
backend:
  baseUrl: ${baseUrl}
  listen: { port: ${port} }
  database: { client: better-sqlite3, connection: { directory: ${dir} } }
`,
  });
  const abort = () =>
    backend.hasExited
      ? `backend exited:\n${backend.log().slice(-3000)}`
      : undefined;
  // the test-user sign-in resolves catalog users: it works once the catalog
  // holds them, and from then on guest sign-in finds the guest's groups too
  teamLead = await eventually(() => testUserToken(baseUrl, 'team-lead'), {
    timeoutMs: 150_000,
    what: 'team-lead sign-in',
    abort,
  });
  guest = await guestToken(baseUrl);
});

afterAll(() => backend?.stop());

const call = (
  token: string,
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = {},
) =>
  fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** The plugins this backend runs, as its initialisation reports them. */
function installedPlugins(): string[] {
  const line = /Plugin initialization started: ((?:'[^']+'(?:, )?)+)/.exec(
    backend.log(),
  );
  return [...(line?.[1] ?? '').matchAll(/'([^']+)'/g)].map(m => m[1]);
}

describe('declared permissions', () => {
  it('have a rule each in the portal policy', async () => {
    const plugins = installedPlugins();
    expect(plugins).toEqual(
      expect.arrayContaining(['catalog', 'scaffolder', 'kubernetes', 'alerts']),
    );
    const declared = new Map<string, string>();
    for (const plugin of plugins) {
      const res = await call(
        guest,
        'GET',
        `/api/${plugin}/.well-known/backstage/permissions/metadata`,
      );
      // plugins without a permissions registry have no such route (the app
      // plugin answers any path with its index.html)
      const json = res.headers.get('content-type')?.includes('json');
      if (res.status === 404 || !json) continue;
      expect([plugin, res.status]).toEqual([plugin, 200]);
      const body: { permissions: { name: string }[] } = await res.json();
      for (const p of body.permissions) declared.set(p.name, plugin);
    }
    // what these plugins are known to declare (a broken walk finds nothing)
    expect([...declared.keys()]).toEqual(
      expect.arrayContaining([
        'catalog.location.create',
        'scaffolder.action.execute',
        'kubernetes.proxy',
        'alerts.silence.create',
        'cluster-health.cluster.read',
      ]),
    );
    const undecided = [...declared]
      .filter(([name]) => !Object.hasOwn(RULES, name))
      .map(([name, plugin]) => `${name} (${plugin})`);
    expect(undecided).toEqual([]);
  });
});

describe('a dev-team member', () => {
  it('reads the catalog, cluster health and alerts', async () => {
    const entities = await call(
      teamLead,
      'GET',
      '/api/catalog/entities/by-name/component/default/trading-api',
    );
    expect(entities.status).toBe(200);
    // no simulator here: alerts answer 503 (sources unreachable), past the
    // permission check
    const alerts = await call(teamLead, 'GET', '/api/alerts/alerts');
    expect([401, 403]).not.toContain(alerts.status);
    for (const route of [
      '/api/cluster-health/clusters',
      '/api/kubernetes/clusters',
    ]) {
      expect([route, (await call(teamLead, 'GET', route)).status]).toEqual([
        route,
        200,
      ]);
    }
  });

  it('cannot silence alerts, expire silences, register or delete entities, or use the Kubernetes proxy', async () => {
    const api = await call(
      guest,
      'GET',
      '/api/catalog/entities/by-name/component/default/trading-api',
    );
    const { uid } = (await api.json()).metadata;
    const attempts: Array<[string, string, unknown?, Record<string, string>?]> =
      [
        [
          'POST',
          '/api/alerts/silences',
          {
            matchers: 'alertname="NodeCpuUsageHigh"',
            duration: '1h',
            comment: 'x',
          },
        ],
        ['DELETE', '/api/alerts/silences/0f9e0c1e-0000-4000-8000-000000000000'],
        [
          'POST',
          '/api/catalog/locations',
          { type: 'url', target: 'https://example.com/catalog-info.yaml' },
        ],
        ['DELETE', `/api/catalog/entities/by-uid/${uid}`],
        [
          'GET',
          '/api/kubernetes/proxy/api/v1/namespaces/kube-system/secrets',
          undefined,
          { 'Backstage-Kubernetes-Cluster': 'fdp-cluster' },
        ],
      ];
    for (const [method, route, body, headers] of attempts) {
      const res = await call(teamLead, method, route, body, headers);
      expect([method, route, res.status]).toEqual([method, route, 403]);
    }
    // the entity is still there
    expect(
      (
        await call(
          teamLead,
          'GET',
          '/api/catalog/entities/by-name/component/default/trading-api',
        )
      ).status,
    ).toBe(200);
  });

  it('updates the incidents it owns and is refused the others, devops is not', async () => {
    const open = async (owner: string) => {
      const res = await call(guest, 'POST', '/api/incidents/incidents', {
        title: `owned by ${owner}`,
        level: 'P3',
        owner,
      });
      expect(res.status).toBe(201);
      return (await res.json()).id as string;
    };
    const own = await open('user:default/team-lead');
    const other = await open('user:default/devops-lead');
    const rename = (token: string, id: string, title: string) =>
      call(token, 'PATCH', `/api/incidents/incidents/${id}`, {
        version: 1,
        title,
      });
    expect((await rename(teamLead, own, 'mine')).status).toBe(200);
    const refused = await rename(teamLead, other, 'not mine');
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe(
      'Missing permission incidents.incident.update',
    );
    expect((await rename(guest, other, 'by devops')).status).toBe(200);
  });
});

describe('test-user sign-in', () => {
  it('signs in catalog users only, and needs the user named', async () => {
    const refresh = (headers: Record<string, string>) =>
      fetch(`${baseUrl}/api/auth/test-user/refresh`, {
        method: 'POST',
        headers: { 'X-Requested-With': 'XMLHttpRequest', ...headers },
      });
    expect((await refresh({ 'x-fdp-test-user': 'no-such-user' })).status).toBe(
      404,
    );
    expect((await refresh({})).status).toBe(400);
  });
});
