import { diskQuery, parseDiskResponse } from './prometheusDisk';

const GiB = 1024 ** 3;
const series = (name: string, labels: Record<string, string>, v: number) => ({
  metric: { __name__: name, mountpoint: '/', fstype: 'ext4', ...labels },
  value: [1764460800, String(v)],
});
const answer = (result: unknown[]) => ({
  status: 'success',
  data: { resultType: 'vector', result },
});

describe('diskQuery', () => {
  it('asks for both metrics of the root filesystem in one selector', () => {
    expect(diskQuery()).toBe(
      '{__name__=~"node_filesystem_size_bytes|node_filesystem_avail_bytes",mountpoint="/",fstype!="tmpfs"}',
    );
    expect(diskQuery({ label: 'cluster', value: 'fdp "prod"' })).toBe(
      '{__name__=~"node_filesystem_size_bytes|node_filesystem_avail_bytes",mountpoint="/",fstype!="tmpfs",cluster="fdp \\"prod\\""}',
    );
  });
});

describe('parseDiskResponse', () => {
  it('pairs size and available bytes per node', () => {
    const samples = parseDiskResponse(
      answer([
        series('node_filesystem_size_bytes', { node: 'n1' }, 100 * GiB),
        series('node_filesystem_avail_bytes', { node: 'n1' }, 25 * GiB),
        series('node_filesystem_avail_bytes', { node: 'n2' }, 5 * GiB),
      ]),
    );
    // n2 has no size: no sample rather than a wrong one
    expect([...samples]).toEqual([
      ['n1', { capacityBytes: 100 * GiB, usedBytes: 75 * GiB }],
    ]);
  });

  it('names the node by node, then kubernetes_node, then instance without its port', () => {
    const samples = parseDiskResponse(
      answer([
        series(
          'node_filesystem_size_bytes',
          { kubernetes_node: 'a', instance: '10.0.0.1:9100' },
          10,
        ),
        series(
          'node_filesystem_avail_bytes',
          { kubernetes_node: 'a', instance: '10.0.0.1:9100' },
          4,
        ),
        series(
          'node_filesystem_size_bytes',
          { instance: 'ip-10-0-0-2.ec2.internal:9100' },
          10,
        ),
        series(
          'node_filesystem_avail_bytes',
          { instance: 'ip-10-0-0-2.ec2.internal:9100' },
          1,
        ),
      ]),
    );
    expect(Object.fromEntries(samples)).toEqual({
      a: { capacityBytes: 10, usedBytes: 6 },
      'ip-10-0-0-2.ec2.internal': { capacityBytes: 10, usedBytes: 9 },
    });
    expect([
      ...parseDiskResponse(
        answer([
          series(
            'node_filesystem_size_bytes',
            { node: 'x', kubernetes_node: 'y' },
            10,
          ),
          series(
            'node_filesystem_avail_bytes',
            { node: 'x', kubernetes_node: 'y' },
            4,
          ),
        ]),
        ['kubernetes_node'],
      ).keys(),
    ]).toEqual(['y']);
  });

  it('rejects what is not an instant vector', () => {
    expect(() => parseDiskResponse({ status: 'error', error: 'x' })).toThrow(
      'not a Prometheus instant vector',
    );
    expect(() =>
      parseDiskResponse({
        status: 'success',
        data: { resultType: 'matrix', result: [] },
      }),
    ).toThrow('not a Prometheus instant vector');
  });
});
