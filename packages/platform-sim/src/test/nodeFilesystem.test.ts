/**
 * node-exporter's root filesystem series: the query the portal's informer cache
 * sends once per round is answered for every node, with the figures the
 * kubelet stats summary reports.
 */
import { startSimulator, RunningSimulator } from '../simulator';

const QUERY =
  '{__name__=~"node_filesystem_size_bytes|node_filesystem_avail_bytes",mountpoint="/",fstype!="tmpfs"}';

describe('node filesystem metrics', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({
      scenario: 'default',
      clock: 'manual',
      rulesDir: false,
    });
  });
  afterAll(() => sim.stop());

  it('answers the disk query for every node, as the stats summary does', async () => {
    sim.advance(300);
    const res = await fetch(`${sim.url}/api/v1/query`, {
      method: 'POST',
      body: new URLSearchParams({ query: QUERY }),
    });
    expect(res.status).toBe(200);
    const result: any[] = (await res.json()).data.result;
    const nodes = [...sim.sim.store.values('nodes')].map(
      e => e.obj.metadata.name,
    );
    expect(result).toHaveLength(2 * nodes.length);
    for (const name of nodes) {
      const value = (metric: string) =>
        Number(
          result.find(
            s => s.metric.__name__ === metric && s.metric.node === name,
          )?.value[1],
        );
      const summary = await (
        await fetch(`${sim.url}/api/v1/nodes/${name}/proxy/stats/summary`, {
          headers: { Authorization: `Bearer ${sim.token}` },
        })
      ).json();
      expect([name, value('node_filesystem_size_bytes')]).toEqual([
        name,
        summary.node.fs.capacityBytes,
      ]);
      expect(
        Math.abs(
          value('node_filesystem_avail_bytes') - summary.node.fs.availableBytes,
        ),
      ).toBeLessThanOrEqual(1);
    }
    expect(result[0].metric).toMatchObject({
      mountpoint: '/',
      fstype: 'xfs',
      instance: `${result[0].metric.node}:9100`,
    });
  });
});
