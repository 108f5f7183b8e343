import { formatBytes, worstStatus } from '@fdp/plugin-cluster-health-common';
import { mockApis } from '@backstage/frontend-test-utils';
import { formatCores, formatPercent, formatTime } from './format';
import { poolSizeText } from './components/NodePoolCard';
import { metricText } from './components/EntityWorkloads';
import { generalPool } from './__testUtils__/fixtures';
import { clusterHealthTranslationRef } from './translation';

const { t } = mockApis
  .translation()
  .getTranslation(clusterHealthTranslationRef) as {
  t: Parameters<typeof poolSizeText>[1];
};

describe('format helpers', () => {
  it('formats amounts, percentages and times', () => {
    expect(formatCores(1500)).toBe('1.5');
    expect(formatCores(23_500)).toBe('23.5');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GiB');
    expect(formatPercent(52.4)).toBe('52%');
    expect(formatPercent(undefined)).toBe('–');
    expect(formatTime('2026-11-21T23:50:00.000Z')).toBe('2026-11-21 23:50 UTC');
  });

  it('picks the worst status (the one of cluster-health-common)', () => {
    expect(worstStatus(['healthy', 'warning', 'unknown'])).toBe('warning');
    expect(worstStatus(['healthy', 'critical', 'warning'])).toBe('critical');
    // an empty list is healthy there (no reason, no problem); the home card
    // always passes the cluster's own status
    expect(worstStatus([])).toBe('healthy');
  });

  it('describes pool size and headroom', () => {
    expect(poolSizeText(generalPool, t)).toBe('3 of 3..10, can add 7');
    expect(
      poolSizeText({ ...generalPool, headroom: undefined, maxSize: 2 }, t),
    ).toBe('3 of 3..2, 1 above maximum');
    expect(
      poolSizeText(
        { ...generalPool, minSize: undefined, maxSize: undefined },
        t,
      ),
    ).toBe('3 nodes');
  });

  it('describes HPA metrics as current vs target', () => {
    expect(
      metricText(
        { name: 'cpu', type: 'Utilization', current: 52, target: 70 },
        t,
      ),
    ).toBe('CPU 52% / 70%');
    expect(
      metricText(
        {
          name: 'requests_per_second',
          type: 'AverageValue',
          target: 100,
        },
        t,
      ),
    ).toBe('requests_per_second ? / 100');
  });
});
