import { parsePools } from './parsePools';

describe('parsePools', () => {
  const pool = {
    name: 'gpu',
    selector: { role: 'gpu' },
    gpu: true,
    taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }],
  };

  it('takes a list or { nodePools }', () => {
    expect(parsePools([pool])).toEqual([pool]);
    expect(parsePools({ nodePools: [pool] })).toEqual([pool]);
  });

  it('names the field that is wrong', () => {
    expect(() => parsePools([{ name: 'x', selector: {} }])).toThrow(
      'node pools: 0.selector: needs at least one label',
    );
    expect(() =>
      parsePools([{ ...pool, taints: [{ key: 'k', effect: 'Never' }] }]),
    ).toThrow(/^node pools: 0\.taints\.0\.effect: /);
    expect(() => parsePools([{ ...pool, size: 3 }])).toThrow(/^node pools: /);
    expect(() => parsePools(undefined)).toThrow(/^node pools: \(top level\): /);
    expect(() => parsePools({ nodePools: [] })).toThrow(
      /^node pools: nodePools: /,
    );
  });
});
