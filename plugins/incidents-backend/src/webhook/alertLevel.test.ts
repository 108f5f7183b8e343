import { DEFAULT_LEVELS } from '@fdp/plugin-incidents-common';
import { DEFAULT_PRIORITY_LEVELS } from '../config';
import { alertLevel } from './alertLevel';

const alert = (labels: Record<string, string>) => ({
  status: 'firing' as const,
  labels,
  annotations: {},
  startsAt: '2026-11-30T00:00:00Z',
});

const level = (...labels: Array<Record<string, string>>) =>
  alertLevel(labels.map(alert), DEFAULT_LEVELS, DEFAULT_PRIORITY_LEVELS);

describe('alertLevel', () => {
  it('takes incident_level first, the most severe of the group', () => {
    expect(level({ incident_level: 'P1', priority: 'high' })).toBe('P1');
    expect(level({ incident_level: 'P3' }, { incident_level: 'P2' })).toBe(
      'P2',
    );
  });

  it('maps priority when no alert has a configured incident_level', () => {
    expect(level({ priority: 'high' })).toBe('P2');
    expect(level({ priority: 'medium' })).toBe('P3');
    expect(level({ priority: 'medium' }, { priority: 'high' })).toBe('P2');
    expect(level({ incident_level: 'P9', priority: 'medium' })).toBe('P3');
  });

  it('opens nothing for low, unknown or missing priorities', () => {
    expect(level({ priority: 'low' })).toBeUndefined();
    expect(level({ priority: 'urgent' })).toBeUndefined();
    expect(level({ priority: 'constructor' })).toBeUndefined();
    expect(level({ alertname: 'X' })).toBeUndefined();
  });

  it('follows a configured mapping', () => {
    expect(
      alertLevel([alert({ priority: 'low' })], DEFAULT_LEVELS, {
        low: 'P3',
      }),
    ).toBe('P3');
  });
});
