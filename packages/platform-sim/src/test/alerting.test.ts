import path from 'node:path';
import { startSimulator, RunningSimulator } from '../simulator';

/**
 * The simulated Prometheus and Alertmanager over HTTP, on the default scenario with the repo's
 * rule files (deploy/prometheus/rules) and Alertmanager configuration.
 */

const FIXTURE_RULES = path.resolve(
  __dirname,
  '../../test-fixtures/prometheus-rules',
);

async function call(
  sim: RunningSimulator,
  p: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<{ status: number; body: any; text: string; type: string | null }> {
  const { json, ...rest } = init;
  const res = await fetch(`${sim.url}${p}`, {
    ...rest,
    ...(json !== undefined
      ? {
          body: JSON.stringify(json),
          headers: { 'Content-Type': 'application/json' },
        }
      : {}),
  });
  const text = await res.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return {
    status: res.status,
    body,
    text,
    type: res.headers.get('content-type'),
  };
}

const keys = (o: object) => Object.keys(o).sort();
const q = (s: string) => encodeURIComponent(s);

describe('simulated Prometheus and Alertmanager on the default scenario', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'default', clock: 'manual' });
  });
  afterAll(() => sim.stop());

  const promAlerts = async (name: string) =>
    (await call(sim, '/api/v1/alerts')).body.data.alerts.filter(
      (a: any) => a.labels.alertname === name,
    );
  const rule = async (name: string) =>
    (await call(sim, '/api/v1/rules')).body.data.groups
      .flatMap((g: any) => g.rules)
      .find((r: any) => r.name === name);
  const amAlerts = async (filter: string) =>
    (await call(sim, `/api/v2/alerts?filter=${q(filter)}`)).body;

  it('loads the repo rules and Alertmanager configuration', () => {
    expect(sim.alertingLog.join('\n')).toMatch(
      /alert rules: 13 alerts \(13 evaluated\)/,
    );
  });

  it('CPU ramp: NodeCpuUsageHigh pending, firing after 15 minutes (receiver info), then inhibited by NodeCpuUsageCritical', async () => {
    // t=200: general CPU ~78 % since ~150 s
    sim.advance(200);
    const pending = await promAlerts('NodeCpuUsageHigh');
    const nodes = pending.map((a: any) => a.labels.node).sort();
    expect(nodes).toEqual(['general-1', 'general-2', 'general-3']);
    expect(pending.every((a: any) => a.state === 'pending')).toBe(true);
    const g1 = pending.find((a: any) => a.labels.node === 'general-1');
    expect(g1.labels).toMatchObject({
      alertname: 'NodeCpuUsageHigh',
      cluster: 'fdp-cluster',
      pool: 'general',
      priority: 'low',
      service: 'kubernetes',
    });
    expect(Number(g1.value)).toBeGreaterThan(0.7);
    expect(g1.annotations.description).toMatch(
      /^CPU of node general-1 \(pool general\) at [78]\d(\.\d+)?% \(above 70%/,
    );
    expect((await rule('NodeCpuUsageHigh')).state).toBe('pending');
    expect(await amAlerts('alertname="NodeCpuUsageHigh"')).toEqual([]);

    // 15 minutes later: firing, still since the same activeAt
    sim.advance(900);
    const firing = await promAlerts('NodeCpuUsageHigh');
    const f1 = firing.find((a: any) => a.labels.node === 'general-1');
    expect(f1.state).toBe('firing');
    expect(f1.activeAt).toBe(g1.activeAt);
    const r = await rule('NodeCpuUsageHigh');
    expect(r).toMatchObject({
      state: 'firing',
      duration: 900,
      health: 'ok',
      type: 'alerting',
    });
    const am = await amAlerts('alertname="NodeCpuUsageHigh"');
    const a1 = am.find((a: any) => a.labels.node === 'general-1');
    expect(a1.receivers).toEqual([{ name: 'info' }]);
    expect(a1.status).toEqual({
      state: 'active',
      silencedBy: [],
      inhibitedBy: [],
    });
    expect(a1.generatorURL).toBe(
      `${sim.url}/graph?g0.expr=node_cpu_usage_ratio+%3E+0.7&g0.tab=1`,
    );
    expect(Date.parse(a1.endsAt)).toBeGreaterThan(sim.sim.nowMs());

    // second wave past 85 % (1200 s): NodeCpuUsageCritical fires and inhibits NodeCpuUsageHigh
    sim.advance(500);
    const crit = (await amAlerts('alertname="NodeCpuUsageCritical"')).find(
      (a: any) => a.labels.node === 'general-1',
    );
    expect(crit.status.state).toBe('active');
    expect(crit.receivers.map((x: any) => x.name)).toContain('critical');
    const high = (await amAlerts('alertname="NodeCpuUsageHigh"')).find(
      (a: any) => a.labels.node === 'general-1',
    );
    expect(high.status).toEqual({
      state: 'suppressed',
      silencedBy: [],
      inhibitedBy: [crit.fingerprint],
    });
    const notInhibited = await call(
      sim,
      `/api/v2/alerts?inhibited=false&filter=${q('alertname=~"NodeCpu.*"')}`,
    );
    expect(
      notInhibited.body.map((a: any) => a.labels.alertname).sort(),
    ).toEqual([
      'NodeCpuUsageCritical',
      'NodeCpuUsageCritical',
      'NodeCpuUsageCritical',
    ]);
    expect(sim.alertmanagerAlerts({ receiver: 'info' }).length).toBe(3);

    // calm from 1800 s: everything resolves
    sim.advance(500);
    expect(await promAlerts('NodeCpuUsageHigh')).toEqual([]);
    expect(await amAlerts('alertname=~"NodeCpu.*"')).toEqual([]);
    expect(sim.alerts()).toEqual([]);
  });
});

describe('silences, bad input and response shapes', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'default', clock: 'manual' });
    sim.advance(1100); // NodeCpuUsageHigh firing (active) on general-1/-2
  });
  afterAll(() => sim.stop());

  const highOnGeneral1 = async () =>
    (
      await call(
        sim,
        `/api/v2/alerts?filter=${q('alertname="NodeCpuUsageHigh"')}&filter=${q(
          'node="general-1"',
        )}`,
      )
    ).body[0];

  it('silence round trip: suppresses the alert, lists the silence, DELETE expires it', async () => {
    const now = sim.sim.nowMs();
    const post = await call(sim, '/api/v2/silences', {
      method: 'POST',
      json: {
        matchers: [
          {
            name: 'alertname',
            value: 'NodeCpuUsageHigh',
            isRegex: false,
            isEqual: true,
          },
        ],
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
        createdBy: 'alice',
        comment: 'scaling out the general pool',
      },
    });
    expect(post.status).toBe(200);
    const id = post.body.silenceID;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await highOnGeneral1()).status).toEqual({
      state: 'suppressed',
      silencedBy: [id],
      inhibitedBy: [],
    });
    expect(
      (await call(sim, '/api/v2/alerts?silenced=false')).body.some(
        (a: any) => a.labels.alertname === 'NodeCpuUsageHigh',
      ),
    ).toBe(false);
    const list = (await call(sim, '/api/v2/silences')).body;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id,
      createdBy: 'alice',
      comment: 'scaling out the general pool',
      status: { state: 'active' },
      startsAt: new Date(now).toISOString(), // a start in the past becomes now
    });
    const filtered = await call(
      sim,
      `/api/v2/silences?filter=${q('alertname="NodeCpuUsageHigh"')}`,
    );
    expect(filtered.body.map((s: any) => s.id)).toEqual([id]);
    expect(
      (
        await call(
          sim,
          `/api/v2/silences?filter=${q('alertname=~"NodeCpuUsageHigh"')}`,
        )
      ).body,
    ).toEqual([]);
    expect((await call(sim, `/api/v2/silence/${id}`)).body.id).toBe(id);

    const del = await call(sim, `/api/v2/silence/${id}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect(del.text).toBe('');
    const expired = (await call(sim, `/api/v2/silence/${id}`)).body;
    expect(expired.status.state).toBe('expired');
    expect((await highOnGeneral1()).status.state).toBe('active');

    // a future silence is pending; updating it in place keeps its ID
    const future = {
      matchers: [
        { name: 'node', value: 'general-.*', isRegex: true, isEqual: true },
      ],
      startsAt: new Date(now + 600_000).toISOString(),
      endsAt: new Date(now + 1_200_000).toISOString(),
      createdBy: 'bob',
      comment: 'maintenance',
    };
    const fid = (
      await call(sim, '/api/v2/silences', { method: 'POST', json: future })
    ).body.silenceID;
    expect((await call(sim, `/api/v2/silence/${fid}`)).body.status.state).toBe(
      'pending',
    );
    const upd = await call(sim, '/api/v2/silences', {
      method: 'POST',
      json: { ...future, id: fid, comment: 'maintenance window' },
    });
    expect(upd.body.silenceID).toBe(fid);
    sim.advance(600);
    expect((await call(sim, `/api/v2/silence/${fid}`)).body).toMatchObject({
      status: { state: 'active' },
      comment: 'maintenance window',
    });
    await call(sim, `/api/v2/silence/${fid}`, { method: 'DELETE' });
  });

  it('answers bad input like the real servers', async () => {
    const now = sim.sim.nowMs();
    const silence = (over: object) =>
      call(sim, '/api/v2/silences', {
        method: 'POST',
        json: {
          matchers: [{ name: 'alertname', value: 'x', isRegex: false }],
          startsAt: new Date(now).toISOString(),
          endsAt: new Date(now + 3_600_000).toISOString(),
          createdBy: 'me',
          comment: 'c',
          ...over,
        },
      });
    // bad matcher filter: 400 with a JSON string
    let r = await call(sim, '/api/v2/alerts?filter=bad');
    expect(r.status).toBe(400);
    expect(r.body).toBe('bad matcher format: bad');
    r = await call(sim, `/api/v2/alerts?filter=${q('alertname=~"("')}`);
    expect(r.status).toBe(400);
    expect(r.body).toBe('error parsing regexp: missing closing ): `^(?:()$`');
    r = await call(sim, '/api/v2/silences?filter=');
    expect(r.status).toBe(400);
    // silences without (or with empty) matchers: 422 from the API schema, as Alertmanager 0.25
    r = await silence({ matchers: undefined });
    expect(r.status).toBe(422);
    expect(r.body).toEqual({
      code: 602,
      message: 'matchers in body is required',
    });
    r = await silence({ matchers: [] });
    expect(r.status).toBe(422);
    expect(r.body).toEqual({
      code: 612,
      message: 'matchers in body should have at least 1 items',
    });
    // validation errors: 400 with a JSON string
    r = await silence({ endsAt: new Date(now - 60_000).toISOString() });
    expect(r.status).toBe(400);
    expect(r.body).toBe(
      'Failed to create silence: start time must be before end time',
    );
    r = await silence({
      startsAt: new Date(now - 7_200_000).toISOString(),
      endsAt: new Date(now - 3_600_000).toISOString(),
    });
    expect(r.body).toBe(
      "Failed to create silence: end time can't be in the past",
    );
    r = await silence({
      matchers: [{ name: 'alertname', value: '', isRegex: false }],
    });
    expect(r.status).toBe(400);
    expect(r.body).toBe(
      'silence invalid: at least one matcher must not match the empty string',
    );
    r = await silence({
      matchers: [{ name: 'alertname', value: '(', isRegex: true }],
    });
    expect(r.body).toBe(
      'silence invalid: invalid label matcher 0: invalid regular expression "(": error parsing regexp: missing closing ): `(`',
    );
    r = await call(sim, '/api/v2/silences', { method: 'POST', body: 'nope' });
    expect(r.status).toBe(400);
    expect(keys(r.body)).toEqual(['code', 'message']);
    // unknown silence: GET 404; DELETE 500 "silence not found" (Alertmanager 0.25); bad id 422
    const unknown = '00000000-0000-4000-8000-000000000000';
    r = await call(sim, `/api/v2/silence/${unknown}`);
    expect(r.status).toBe(404);
    r = await silence({ id: unknown });
    expect(r.status).toBe(404);
    expect(r.body).toBe('silence not found');
    r = await call(sim, `/api/v2/silence/${unknown}`, { method: 'DELETE' });
    expect(r.status).toBe(500);
    expect(r.body).toBe('silence not found');
    r = await call(sim, '/api/v2/silence/bad');
    expect(r.status).toBe(422);
    expect(r.body).toEqual({
      code: 601,
      message: 'silenceID in path must be of type uuid: "bad"',
    });
    r = await call(sim, '/api/v2/nope');
    expect(r.status).toBe(404);
    r = await call(sim, '/api/v2/alerts', { method: 'PUT' });
    expect(r.status).toBe(405);
    // posted alerts
    r = await call(sim, '/api/v2/alerts', {
      method: 'POST',
      json: [{ labels: {} }],
    });
    expect(r.status).toBe(400);
    expect(r.body).toBe('at least one label pair required');
    r = await call(sim, '/api/v2/alerts', {
      method: 'POST',
      json: [{ annotations: {} }],
    });
    expect(r.status).toBe(422);
    // PromQL: 400 bad_data
    r = await call(sim, `/api/v1/query?query=${q('foo{')}`);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      status: 'error',
      errorType: 'bad_data',
      error:
        'invalid parameter "query": 1:5: parse error: unexpected end of input inside braces',
    });
    r = await call(sim, `/api/v1/query?query=${q('sum(rate(x[5m]))')}`);
    expect(r.status).toBe(400);
    expect(r.body.errorType).toBe('bad_data');
    r = await call(sim, '/api/v1/query?query=up&time=abc');
    expect(r.status).toBe(400);
    r = await call(sim, '/api/v1/rules?type=bad');
    expect(r.body.error).toBe(
      'invalid parameter "type": not supported value "bad"',
    );
  });

  it('queries instant vector selectors over the /metrics series and ALERTS', async () => {
    const r = await call(
      sim,
      `/api/v1/query?query=${q(
        'node_cpu_usage_ratio{node=~"general-.*",node!="general-3"}',
      )}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.data.resultType).toBe('vector');
    expect(r.body.data.result.map((s: any) => s.metric.node)).toEqual([
      'general-1',
      'general-2',
    ]);
    const metrics = await (await fetch(`${sim.url}/metrics`)).text();
    for (const s of r.body.data.result) {
      expect(s.metric).toEqual({
        __name__: 'node_cpu_usage_ratio',
        cluster: 'fdp-cluster',
        node: s.metric.node,
        pool: 'general',
      });
      expect(s.value[0]).toBe(sim.sim.nowMs() / 1000);
      expect(metrics).toContain(
        `node_cpu_usage_ratio{cluster="fdp-cluster",node="${s.metric.node}",pool="general"} ${s.value[1]}\n`,
      );
    }
    const post = await fetch(`${sim.url}/api/v1/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'query=service_up&time=1700000000',
    });
    const pb = await post.json();
    expect(pb.data.result.map((s: any) => s.metric.service).sort()).toEqual([
      'trading-api',
      'trading-websocket',
    ]);
    expect(pb.data.result[0].value).toEqual([1700000000, '1']);
    const alerts = await call(
      sim,
      `/api/v1/query?query=${q(
        'ALERTS{alertname="NodeCpuUsageHigh",alertstate="firing"}',
      )}`,
    );
    expect(alerts.body.data.result.length).toBeGreaterThanOrEqual(2);
    expect(
      (await call(sim, '/api/v1/query?query=nonexistent_metric')).body.data
        .result,
    ).toEqual([]);
  });

  it('routes posted alerts (incident_level also to portal-incidents) and needs no token', async () => {
    const r = await call(sim, '/api/v2/alerts', {
      method: 'POST',
      json: [
        {
          labels: {
            alertname: 'ServiceDown',
            service: 'trading-api',
            priority: 'high',
            incident_level: 'P1',
          },
          annotations: { summary: 'trading-api is down' },
        },
      ],
    });
    expect(r.status).toBe(200);
    const [a] = (
      await call(sim, `/api/v2/alerts?filter=${q('alertname="ServiceDown"')}`)
    ).body;
    expect(a.receivers.map((x: any) => x.name)).toEqual([
      'portal-incidents',
      'critical',
    ]);
    expect(a.generatorURL).toBeUndefined();
    expect(a.status.state).toBe('active');
    const receivers = (await call(sim, '/api/v2/receivers')).body.map(
      (x: any) => x.name,
    );
    expect(receivers).toEqual(
      expect.arrayContaining([
        'slack-default',
        'critical',
        'warning',
        'info',
        'portal-incidents',
      ]),
    );
    // the Kubernetes API still needs its token
    expect((await call(sim, '/api/v1/nodes')).status).toBe(401);
  });

  it('answers with the JSON shapes of Prometheus 2.42 and Alertmanager 0.25', async () => {
    const now = sim.sim.nowMs();
    await call(sim, '/api/v2/silences', {
      method: 'POST',
      json: {
        matchers: [{ name: 'node', value: 'nope', isRegex: false }],
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + 60_000).toISOString(),
        createdBy: 'me',
        comment: 'shape',
      },
    });
    // Prometheus
    const rules = (await call(sim, '/api/v1/rules')).body;
    expect(keys(rules)).toEqual(['data', 'status']);
    expect(keys(rules.data)).toEqual(['groups']);
    const group = rules.data.groups[0];
    expect(keys(group)).toEqual([
      'evaluationTime',
      'file',
      'interval',
      'lastEvaluation',
      'limit',
      'name',
      'rules',
    ]);
    const alerting = rules.data.groups
      .flatMap((g: any) => g.rules)
      .find((r: any) => r.alerts.length > 0);
    expect(keys(alerting)).toEqual([
      'alerts',
      'annotations',
      'duration',
      'evaluationTime',
      'health',
      'keepFiringFor',
      'labels',
      'lastEvaluation',
      'name',
      'query',
      'state',
      'type',
    ]);
    const ruleAlert = alerting.alerts[0];
    expect(keys(ruleAlert)).toEqual([
      'activeAt',
      'annotations',
      'labels',
      'state',
      'value',
    ]);
    expect(ruleAlert.value).toMatch(/^\d\.\d+e[+-]\d\d$/);
    expect(ruleAlert.activeAt).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    const alerts = (await call(sim, '/api/v1/alerts')).body;
    expect(keys(alerts)).toEqual(['data', 'status']);
    expect(keys(alerts.data)).toEqual(['alerts']);
    expect(keys(alerts.data.alerts[0])).toEqual(keys(ruleAlert));
    const query = (await call(sim, '/api/v1/query?query=platform_sim_up')).body;
    expect(keys(query)).toEqual(['data', 'status']);
    expect(keys(query.data)).toEqual(['result', 'resultType']);
    expect(keys(query.data.result[0])).toEqual(['metric', 'value']);
    expect(typeof query.data.result[0].value[0]).toBe('number');
    expect(typeof query.data.result[0].value[1]).toBe('string');
    const err = (await call(sim, '/api/v1/query?query=')).body;
    expect(keys(err)).toEqual(['error', 'errorType', 'status']);
    const build = (await call(sim, '/api/v1/status/buildinfo')).body;
    expect(keys(build.data)).toEqual([
      'branch',
      'buildDate',
      'buildUser',
      'goVersion',
      'revision',
      'version',
    ]);

    // Alertmanager
    const status = (await call(sim, '/api/v2/status')).body;
    expect(keys(status)).toEqual([
      'cluster',
      'config',
      'uptime',
      'versionInfo',
    ]);
    expect(status.cluster).toEqual({ peers: [], status: 'disabled' });
    expect(keys(status.config)).toEqual(['original']);
    expect(status.config.original).toContain('receiver: slack-default');
    expect(keys(status.versionInfo)).toEqual([
      'branch',
      'buildDate',
      'buildUser',
      'goVersion',
      'revision',
      'version',
    ]);
    const receivers = (await call(sim, '/api/v2/receivers')).body;
    expect(keys(receivers[0])).toEqual(['name']);
    const amAlerts = (await call(sim, '/api/v2/alerts')).body;
    const fromRules = amAlerts.find((a: any) => a.generatorURL);
    expect(keys(fromRules)).toEqual([
      'annotations',
      'endsAt',
      'fingerprint',
      'generatorURL',
      'labels',
      'receivers',
      'startsAt',
      'status',
      'updatedAt',
    ]);
    expect(keys(fromRules.status)).toEqual([
      'inhibitedBy',
      'silencedBy',
      'state',
    ]);
    expect(fromRules.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(fromRules.startsAt).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
    );
    // sorted by fingerprint, like Alertmanager
    const fps = amAlerts.map((a: any) => a.fingerprint);
    expect([...fps].sort()).toEqual(fps);
    const silences = (await call(sim, '/api/v2/silences')).body;
    expect(keys(silences[0])).toEqual([
      'comment',
      'createdBy',
      'endsAt',
      'id',
      'matchers',
      'startsAt',
      'status',
      'updatedAt',
    ]);
    expect(keys(silences[0].matchers[0])).toEqual([
      'isEqual',
      'isRegex',
      'name',
      'value',
    ]);
    expect(keys(silences[0].status)).toEqual(['state']);
  });
});

describe('rule files the simulator does not know', () => {
  it('lists unknown alerts and recording rules with health "unknown", evaluates the known ones', async () => {
    const sim = await startSimulator({
      scenario: 'default',
      clock: 'manual',
      rulesDir: FIXTURE_RULES,
      alertmanagerConfig: false,
      prometheusConfig: false,
    });
    try {
      sim.advance(300); // NodeCpuUsageHigh (for: 2m in the fixture) fires
      const groups = (await call(sim, '/api/v1/rules')).body.data.groups;
      expect(groups.map((g: any) => [g.name, g.interval])).toEqual([
        ['fixture-nodes', 60],
        ['fixture-services', 15],
      ]);
      const [cpu, unknown, recording] = groups[0].rules;
      expect(cpu.state).toBe('firing');
      expect(cpu.alerts[0].annotations.description).toMatch(
        /^pool general: 0\.\d\d \(\d+(\.\d+)?m, raw 0\.\d+\)$/,
      );
      expect(unknown).toMatchObject({
        name: 'NodeHasTooManyPods',
        health: 'unknown',
        state: 'inactive',
        alerts: [],
        lastEvaluation: '0001-01-01T00:00:00Z',
      });
      expect(keys(recording)).toEqual([
        'evaluationTime',
        'health',
        'lastEvaluation',
        'name',
        'query',
        'type',
      ]);
      expect(recording.type).toBe('recording');
      // built-in Alertmanager configuration: priority low → info
      const am = sim.alertmanagerAlerts({
        filter: ['alertname="NodeCpuUsageHigh"'],
      });
      expect(am[0].receivers).toEqual([{ name: 'info' }]);
      expect(am[0].labels.monitor).toBeUndefined();
      const status = (await call(sim, '/api/v2/status')).body;
      expect(status.config.original).toMatch(/^global:\n/);
    } finally {
      await sim.stop();
    }
  });

  it('serves no rules when the directory is missing', async () => {
    const sim = await startSimulator({
      scenario: 'default',
      clock: 'manual',
      rulesDir: '/nonexistent/rules',
    });
    try {
      expect(sim.alertingLog[0]).toBe(
        'no alert rules: /nonexistent/rules does not exist; serving none',
      );
      expect((await call(sim, '/api/v1/rules')).body).toEqual({
        status: 'success',
        data: { groups: [] },
      });
      sim.advance(1200);
      expect((await call(sim, '/api/v1/alerts')).body.data.alerts).toEqual([]);
    } finally {
      await sim.stop();
    }
  });
});
