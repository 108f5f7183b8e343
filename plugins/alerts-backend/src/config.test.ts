import { ConfigReader } from '@backstage/config';
import { readAlertsConfig } from './config';

describe('readAlertsConfig durations', () => {
  it('defaults to a 5 s timeout and a 15 s poll interval', () => {
    const config = readAlertsConfig(new ConfigReader({}));
    expect(config.timeoutMs).toBe(5000);
    expect(config.pollIntervalMs).toBe(15_000);
  });

  it('reads timeout and pollInterval as durations', () => {
    const warn = jest.fn();
    const config = readAlertsConfig(
      new ConfigReader({
        alerts: { timeout: '2s', pollInterval: { minutes: 1 } },
      }),
      warn,
    );
    expect(config.timeoutMs).toBe(2000);
    expect(config.pollIntervalMs).toBe(60_000);
    expect(warn).not.toHaveBeenCalled();
  });

  it('still reads the former timeoutMs and pollSeconds, with warnings', () => {
    const warn = jest.fn();
    const config = readAlertsConfig(
      new ConfigReader({ alerts: { timeoutMs: 2000, pollSeconds: 2 } }),
      warn,
    );
    expect(config.timeoutMs).toBe(2000);
    expect(config.pollIntervalMs).toBe(2000);
    expect(warn.mock.calls.map(c => c[0])).toEqual([
      "alerts.timeoutMs is deprecated: use alerts.timeout, a duration such as { milliseconds: 2000 } or '2000ms'",
      "alerts.pollSeconds is deprecated: use alerts.pollInterval, a duration such as { seconds: 2 } or '2s'",
    ]);
  });
});
