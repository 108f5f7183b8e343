import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_NODE_POOLS,
  DEFAULT_THRESHOLDS,
} from '@fdp/plugin-cluster-health-common';
import { readClusterHealthConfig } from './config';

describe('readClusterHealthConfig', () => {
  it('defaults to the documented values', () => {
    expect(readClusterHealthConfig(new ConfigReader({}))).toEqual({
      thresholds: DEFAULT_THRESHOLDS,
      nodePools: DEFAULT_NODE_POOLS,
      debounceMs: 250,
    });
  });

  it('reads debounce as a duration, and the former debounceMs with a warning', () => {
    const warn = jest.fn();
    const read = (clusterHealth: object) =>
      readClusterHealthConfig(new ConfigReader({ clusterHealth }), warn)
        .debounceMs;
    expect(read({ debounce: { milliseconds: 100 } })).toBe(100);
    expect(read({ debounce: '1s' })).toBe(1000);
    expect(warn).not.toHaveBeenCalled();
    expect(read({ debounceMs: 20 })).toBe(20);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'clusterHealth.debounceMs is deprecated: use clusterHealth.debounce',
      ),
    );
  });

  it('overrides single marks and pools', () => {
    const result = readClusterHealthConfig(
      new ConfigReader({
        clusterHealth: {
          thresholds: { cpu: { warning: 60 } },
          nodePools: [
            {
              name: 'spot',
              selector: { 'karpenter.sh/nodepool': 'spot' },
              maxSize: 20,
            },
          ],
        },
      }),
    );
    expect(result.thresholds.cpu).toEqual({ warning: 60, critical: 85 });
    expect(result.thresholds.memory).toEqual(DEFAULT_THRESHOLDS.memory);
    expect(result.nodePools).toEqual([
      {
        name: 'spot',
        selector: { 'karpenter.sh/nodepool': 'spot' },
        maxSize: 20,
      },
    ]);
  });

  it('rejects inconsistent values naming the key', () => {
    expect(() =>
      readClusterHealthConfig(
        new ConfigReader({
          clusterHealth: { thresholds: { disk: { warning: 95 } } },
        }),
      ),
    ).toThrow(
      'Invalid clusterHealth.thresholds.disk: need 0 < warning (95) <= critical (90) <= 100',
    );
    expect(() =>
      readClusterHealthConfig(
        new ConfigReader({
          clusterHealth: {
            nodePools: [
              { name: 'x', selector: { a: 'b' }, minSize: 5, maxSize: 2 },
            ],
          },
        }),
      ),
    ).toThrow('Invalid clusterHealth.nodePools[0] (x): minSize 5 > maxSize 2');
    expect(() =>
      readClusterHealthConfig(
        new ConfigReader({
          clusterHealth: { nodePools: [{ name: 'x', selector: {} }] },
        }),
      ),
    ).toThrow('selector: give at least one label');
  });
});
