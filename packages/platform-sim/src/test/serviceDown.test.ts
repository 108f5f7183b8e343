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
});
