import { ConfigReader } from '@backstage/config';
import { readOptionalDurationMs } from './readDuration';

describe('readOptionalDurationMs', () => {
  const legacy = (warn: jest.Mock) => ({
    key: 'pollSeconds',
    unit: 'seconds' as const,
    section: 'alerts.',
    warn,
  });

  it.each([
    [{ seconds: 30 }, 30_000],
    [{ minutes: 1, seconds: 30 }, 90_000],
    ['250ms', 250],
    ['2m', 120_000],
    ['PT5M', 300_000],
  ])('reads the duration %j as %i ms', (pollInterval, ms) => {
    const warn = jest.fn();
    const config = new ConfigReader({ pollInterval, pollSeconds: 1 });
    expect(readOptionalDurationMs(config, 'pollInterval', legacy(warn))).toBe(
      ms,
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads the former number key in its unit, with a deprecation warning', () => {
    const warn = jest.fn();
    expect(
      readOptionalDurationMs(
        new ConfigReader({ pollSeconds: 15 }),
        'pollInterval',
        legacy(warn),
      ),
    ).toBe(15_000);
    expect(warn).toHaveBeenCalledWith(
      "alerts.pollSeconds is deprecated: use alerts.pollInterval, a duration such as { seconds: 15 } or '15s'",
    );
    expect(
      readOptionalDurationMs(
        new ConfigReader({ debounceMs: 100 }),
        'debounce',
        { key: 'debounceMs', unit: 'milliseconds', warn },
      ),
    ).toBe(100);
  });

  it('is undefined when neither key is set, and refuses a bad duration', () => {
    const warn = jest.fn();
    expect(
      readOptionalDurationMs(
        new ConfigReader({}),
        'pollInterval',
        legacy(warn),
      ),
    ).toBeUndefined();
    expect(readOptionalDurationMs(undefined, 'pollInterval')).toBeUndefined();
    expect(() =>
      readOptionalDurationMs(
        new ConfigReader({ pollInterval: 'soon' }),
        'pollInterval',
      ),
    ).toThrow(/pollInterval/);
  });
});
