import { startSimulator, RunningSimulator } from '../simulator';

describe('service_up and ServiceDown', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await startSimulator({
      scenario: 'default',
      port: 0,
      clock: 'manual',
    });
  });
  afterEach(() => sim.stop());

  const up = async () =>
    /service_up\{cluster="fdp-cluster",service="trading-api"\} (\d)/.exec(
      await (await fetch(`${sim.url}/metrics`)).text(),
    )?.[1];

  it('goes down when its deployment has no ready replica, and ServiceDown fires after 1m', async () => {
    expect(await up()).toBe('1');
    // every pod crash-loops: no ready replica (the HPA keeps the replicas at 3)
    sim.trigger({
      type: 'crashLoop',
      workload: 'trading/trading-api',
      duration: 600,
    } as any);
    sim.advance(15);
    expect(await up()).toBe('0');
    sim.advance(90);
    const res = await fetch(`${sim.url}/api/v1/alerts`);
    const alerts = (await res.json()).data.alerts.filter(
      (a: any) => a.labels.alertname === 'ServiceDown',
    );
    expect(alerts).toEqual([
      expect.objectContaining({
        state: 'firing',
        labels: expect.objectContaining({
          service: 'trading-api',
          priority: 'high',
          incident_level: 'P1',
        }),
      }),
    ]);
  });

  it('stays down when trading-api is scaled to 0 (its HPA leaves a target at 0 alone)', async () => {
    // kubectl scale deploy/trading-api --replicas=0 -n trading
    const res = await fetch(
      `${sim.url}/apis/apps/v1/namespaces/trading/deployments/trading-api/scale`,
      {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${sim.token}`,
          'content-type': 'application/merge-patch+json',
        },
        body: JSON.stringify({ spec: { replicas: 0 } }),
      },
    );
    expect(res.status).toBe(200);
    sim.advance(120);
    expect(await up()).toBe('0');
    const deployment = sim.sim.store.get(
      'deployments.apps',
      'trading',
      'trading-api',
    );
    expect(deployment.spec.replicas).toBe(0);
    const firing = sim
      .alerts()
      .filter(
        a => a.labels.alertname === 'ServiceDown' && a.state === 'firing',
      );
    expect(firing.map(a => a.labels.service)).toEqual(['trading-api']);
  });
});
