import { RE2JS } from 're2js';
import { entityMatchesAlert } from './entities';

const cpu = {
  name: 'NodeCpuUsageHigh',
  labels: {
    alertname: 'NodeCpuUsageHigh',
    service: 'kubernetes',
    pool: 'general',
    node: 'general-1',
  },
  sources: ['default'],
};
const errors = {
  name: 'ApiErrorRateHigh',
  labels: {
    alertname: 'ApiErrorRateHigh',
    service: 'trading-api',
    env: 'prod',
  },
  sources: ['default'],
};

describe('entityMatchesAlert', () => {
  it("follows Roadie's prometheus.io/alert narrowed by prometheus.io/labels", () => {
    const tradingApi = {
      'prometheus.io/alert': 'all',
      'prometheus.io/labels': 'service=trading-api',
    };
    expect(entityMatchesAlert(tradingApi, errors)).toBe(true);
    expect(entityMatchesAlert(tradingApi, cpu)).toBe(false);
    expect(
      entityMatchesAlert(
        { 'prometheus.io/alert': 'ApiErrorRateHigh, ApiLatencyP95High' },
        errors,
      ),
    ).toBe(true);
    expect(
      entityMatchesAlert(
        { 'prometheus.io/alert': 'ApiLatencyP95High' },
        errors,
      ),
    ).toBe(false);
  });

  it('picks an instance with prometheus.io/service-name', () => {
    const a = {
      'prometheus.io/alert': 'all',
      'prometheus.io/service-name': 'other',
    };
    expect(entityMatchesAlert(a, errors)).toBe(false);
    expect(
      entityMatchesAlert(
        { ...a, 'prometheus.io/service-name': 'default' },
        errors,
      ),
    ).toBe(true);
  });

  it('understands fdp.io/alert-matchers', () => {
    expect(
      entityMatchesAlert({ 'fdp.io/alert-matchers': 'pool="general"' }, cpu),
    ).toBe(true);
    expect(
      entityMatchesAlert(
        {
          'fdp.io/alert-matchers': 'service="trading-api",env=~"prod|staging"',
        },
        errors,
      ),
    ).toBe(true);
    expect(
      entityMatchesAlert(
        { 'fdp.io/alert-matchers': 'service="trading-api",env=~"dev"' },
        errors,
      ),
    ).toBe(false);
  });

  it('matches nothing without annotations or with broken ones', () => {
    expect(entityMatchesAlert(undefined, errors)).toBe(false);
    expect(entityMatchesAlert({}, errors)).toBe(false);
    expect(
      entityMatchesAlert({ 'fdp.io/alert-matchers': 'service=' + '"' }, errors),
    ).toBe(false);
    expect(
      entityMatchesAlert({ 'prometheus.io/labels': 'garbage' }, errors),
    ).toBe(false);
  });

  it('matches nothing with a matcher that is not RE2 (e.g. a lookahead)', () => {
    expect(
      entityMatchesAlert(
        { 'fdp.io/alert-matchers': 'service=~"(?=trading)trading-api"' },
        errors,
      ),
    ).toBe(false);
  });

  it('compiles each distinct fdp.io/alert-matchers once, not per alert', () => {
    const compile = jest.spyOn(RE2JS, 'compile');
    try {
      const entities = [
        { 'fdp.io/alert-matchers': 'service=~"trading-.*",env=~"prod|dr"' },
        { 'fdp.io/alert-matchers': 'pool=~"general|gpu"' },
        // a second entity with the same annotation shares the compiled one
        { 'fdp.io/alert-matchers': 'pool=~"general|gpu"' },
      ];
      const alerts = Array.from({ length: 200 }, (_, i) =>
        i % 2 ? { ...cpu, name: `cpu-${i}` } : { ...errors, name: `e-${i}` },
      );
      let matched = 0;
      for (const alert of alerts) {
        for (const annotations of entities) {
          if (entityMatchesAlert(annotations, alert)) matched++;
        }
      }
      expect(matched).toBe(100 + 2 * 100);
      expect(compile).toHaveBeenCalledTimes(3);
    } finally {
      compile.mockRestore();
    }
  });
});
