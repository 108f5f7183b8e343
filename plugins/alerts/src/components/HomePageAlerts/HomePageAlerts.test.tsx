import { screen } from '@testing-library/react';
import type { NormalizedAlert } from '@fdp/plugin-alerts-common';
import { HomePageAlerts } from './HomePageAlerts';
import { FakeAlertsApi } from '../../__testUtils__/fakes';
import { cpuAlert, latencyAlert } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

describe('HomePageAlerts', () => {
  it('shows firing counts by priority and the top five', async () => {
    const more: NormalizedAlert[] = Array.from({ length: 5 }, (_, i) => ({
      ...latencyAlert,
      fingerprint: `fp-low-${i}`,
      name: `LowAlert${i}`,
      priority: 'low',
    }));
    const api = new FakeAlertsApi({
      alerts: {
        alerts: [...more, latencyAlert, cpuAlert],
        counts: { high: 1, medium: 1, low: 5, none: 0 },
        errors: [],
      },
    });
    renderWithApis(<HomePageAlerts />, { api });

    expect(await screen.findByTestId('count-low')).toHaveTextContent('Low 5');
    expect(api.getAlerts).toHaveBeenCalledWith({ state: 'firing' });
    expect(screen.getByTestId('count-high')).toHaveTextContent('High 1');
    const items = screen.getAllByTestId(/^alert-item-/);
    expect(items).toHaveLength(5);
    expect(items[0]).toHaveTextContent('NodeCpuUsageHigh');
    expect(items[1]).toHaveTextContent('TradingApiLatencyHigh');
    expect(screen.getByText('and 2 more')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open alerts' })).toHaveAttribute(
      'href',
      '/alerts',
    );
  });

  it('says when nothing is firing', async () => {
    renderWithApis(<HomePageAlerts />, { api: new FakeAlertsApi() });
    expect(await screen.findByText('No firing alerts')).toBeInTheDocument();
  });
});
