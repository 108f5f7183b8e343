import { act, screen, waitFor } from '@testing-library/react';
import { ALERTS_SIGNAL_CHANNEL } from '@fdp/plugin-alerts-common';
import { pending, renderWithApis } from '../../__testUtils__/render';
import { alert, alertsResponse } from '../../__testUtils__/fixtures';
import { AlertsCard } from './AlertsCard';

describe('AlertsCard', () => {
  it('shows progress while loading', async () => {
    await renderWithApis(<AlertsCard />, { alerts: { getAlerts: pending } });
    expect(screen.getByTestId('alerts-loading')).toHaveTextContent(
      'Loading alerts…',
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('says nothing is firing', async () => {
    const getAlerts = jest.fn(async () => alertsResponse([]));
    await renderWithApis(<AlertsCard />, { alerts: { getAlerts } });
    expect(await screen.findByText('Nothing firing')).toBeInTheDocument();
    expect(getAlerts).toHaveBeenCalledWith({ state: 'firing' });
  });

  it('names the source on an error', async () => {
    await renderWithApis(<AlertsCard />, {
      alerts: {
        getAlerts: async () => {
          throw new Error('502 Bad Gateway');
        },
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load alerts: 502 Bad Gateway',
    );
  });

  it('counts per priority, links each count, lists the worst three', async () => {
    await renderWithApis(<AlertsCard />, {
      alerts: {
        getAlerts: async () =>
          alertsResponse(
            [
              alert('DiskLow', 'low'),
              alert('LatencyHigh', 'medium'),
              alert('ErrorRateHigh', 'high', '2026-11-30T01:00:00Z'),
              alert('NodeDown', 'high', '2026-11-30T00:30:00Z'),
            ],
            [
              {
                source: 'eu',
                kind: 'alertmanager',
                message: "Alertmanager 'eu' is unreachable",
              },
            ],
          ),
      },
    });
    expect(await screen.findByTestId('alerts-high')).toHaveTextContent(
      'High 2',
    );
    expect(screen.getByRole('link', { name: 'High 2' })).toHaveAttribute(
      'href',
      '/alerts?state=firing&priority=high',
    );
    expect(screen.getByTestId('alerts-medium')).toHaveTextContent('Medium 1');
    const worst = screen.getAllByTestId('alerts-worst');
    expect(worst.map(w => w.querySelector('strong')?.textContent)).toEqual([
      'NodeDown',
      'ErrorRateHigh',
      'LatencyHigh',
    ]);
    expect(screen.getByText('and 1 more')).toBeInTheDocument();
    expect(screen.getByTestId('alerts-source-down')).toHaveTextContent(
      'eu unreachable: counts may be incomplete',
    );
  });

  it('is stale when a refresh fails, keeping the last counts', async () => {
    const getAlerts = jest
      .fn()
      .mockResolvedValueOnce(alertsResponse([alert('NodeDown', 'high')]))
      .mockRejectedValueOnce(new Error('timeout'));
    const { signals } = await renderWithApis(<AlertsCard />, {
      alerts: { getAlerts },
    });
    expect(await screen.findByTestId('alerts-high')).toHaveTextContent(
      'High 1',
    );
    act(() => signals.publish(ALERTS_SIGNAL_CHANNEL, { type: 'changed' }));
    await waitFor(
      () =>
        expect(screen.getByTestId('alerts-stale')).toHaveTextContent(
          'Could not refresh alerts (timeout): showing the last data',
        ),
      { timeout: 3000 },
    );
    expect(screen.getByTestId('alerts-high')).toHaveTextContent('High 1');
  });
});
