import { KubeClient } from '../client/KubeClient';
import { KubeletStatsDiskSource } from './KubeletStatsDiskSource';

function fakeClient(failing: string[] = []) {
  const asked: string[] = [];
  const client = {
    getJson: jest.fn(async (path: string) => {
      const node = path.split('/')[4];
      asked.push(node);
      if (failing.includes(node)) throw new Error('HTTP 403');
      return { node: { fs: { usedBytes: 30, capacityBytes: 100 } } };
    }),
  };
  return { client: client as unknown as KubeClient, asked };
}

describe('KubeletStatsDiskSource', () => {
  it('asks at most maxNodesPerRound nodes a round, rotating through all', async () => {
    const { client, asked } = fakeClient();
    const source = new KubeletStatsDiskSource(client, {
      concurrency: 2,
      maxNodesPerRound: 2,
    });
    const signal = new AbortController().signal;
    const first = await source.read(['c', 'a', 'b'], signal);
    expect([...first.samples.keys()].sort()).toEqual(['a', 'b']);
    const second = await source.read(['c', 'a', 'b'], signal);
    expect([...second.samples.keys()].sort()).toEqual(['a', 'c']);
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
    expect(first.samples.get('a')).toEqual({
      usedBytes: 30,
      capacityBytes: 100,
    });
  });

  it('has at most `concurrency` requests in flight', async () => {
    let running = 0;
    let peak = 0;
    const client = {
      getJson: async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise(r => setTimeout(r, 2));
        running--;
        return { node: { fs: { usedBytes: 1, capacityBytes: 2 } } };
      },
    } as unknown as KubeClient;
    const source = new KubeletStatsDiskSource(client, {
      concurrency: 3,
      maxNodesPerRound: 20,
    });
    const nodes = Array.from({ length: 20 }, (_, i) => `n${i}`);
    const reading = await source.read(nodes, new AbortController().signal);
    expect(reading.samples.size).toBe(20);
    expect(peak).toBe(3);
  });

  it('counts failed nodes and keeps the others', async () => {
    const { client } = fakeClient(['b']);
    const source = new KubeletStatsDiskSource(client, {
      concurrency: 4,
      maxNodesPerRound: 10,
    });
    const reading = await source.read(['a', 'b'], new AbortController().signal);
    expect([...reading.samples.keys()]).toEqual(['a']);
    expect(reading.error).toBe('stats summary failed for 1/2 nodes (HTTP 403)');
  });
});
