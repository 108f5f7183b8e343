import { DEFAULT_NODE_POOLS, DEFAULT_THRESHOLDS } from './constants';

// The portal's defaults are the values of the platform's design documents
// and operations manual: monitoring thresholds and node pools.
describe('defaults from the platform documents', () => {
  it('has the monitoring thresholds of the operations manual', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({
      cpu: { warning: 70, critical: 85 },
      memory: { warning: 75, critical: 90 },
      disk: { warning: 80, critical: 90 },
    });
  });

  it('has the node pools of the infrastructure design', () => {
    expect(DEFAULT_NODE_POOLS).toEqual([
      {
        name: 'general',
        instanceType: 'c5.2xlarge',
        minSize: 3,
        maxSize: 10,
        selector: { role: 'general' },
      },
      {
        name: 'ai-inference',
        instanceType: 'g4dn.xlarge',
        minSize: 2,
        maxSize: 5,
        selector: { role: 'ai-inference' },
      },
      {
        name: 'data-processing',
        instanceType: 'r5.2xlarge',
        minSize: 2,
        maxSize: 8,
        selector: { role: 'data-processing' },
      },
    ]);
  });
});
