import { act, screen, waitFor } from '@testing-library/react';
import { INCIDENTS_SIGNAL_CHANNEL } from '@fdp/plugin-incidents-common';
import { pending, renderWithApis } from '../../__testUtils__/render';
import { incident, levels, page } from '../../__testUtils__/fixtures';
import { IncidentsCard } from './IncidentsCard';

const minutesAgo = (m: number) =>
  new Date(Date.now() - m * 60_000).toISOString();

describe('IncidentsCard', () => {
  it('shows progress while loading', async () => {
    await renderWithApis(<IncidentsCard />, {
      incidents: { getLevels: async () => levels, listIncidents: pending },
    });
    expect(screen.getByTestId('incidents-loading')).toHaveTextContent(
      'Loading incidents…',
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('says there are no open incidents', async () => {
    const listIncidents = jest.fn(async () => page([]));
    await renderWithApis(<IncidentsCard />, {
      incidents: { getLevels: async () => levels, listIncidents },
    });
    expect(await screen.findByText('No open incidents')).toBeInTheDocument();
    expect(listIncidents).toHaveBeenCalledWith({ status: 'open', limit: 100 });
  });

  it('names the source on an error', async () => {
    await renderWithApis(<IncidentsCard />, {
      incidents: {
        getLevels: async () => levels,
        listIncidents: async () => {
          throw new Error('500 Internal Server Error');
        },
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load incidents: 500 Internal Server Error',
    );
  });

  it('counts by level, says the breaches in red and the nearest deadline', async () => {
    await renderWithApis(<IncidentsCard />, {
      incidents: {
        getLevels: async () => levels,
        listIncidents: async () =>
          page([
            // P1 response window 15 min: 5 min overdue
            incident('a', 'P1', minutesAgo(20)),
            // P2 response window 30 min: due in 20 min
            incident('b', 'P2', minutesAgo(10)),
            // P2 acknowledged: resolution (4 h) due in 3 h
            incident('c', 'P2', minutesAgo(60), minutesAgo(50)),
          ]),
      },
    });
    expect(await screen.findByTestId('incidents-P1')).toHaveTextContent(
      'P1 1 open',
    );
    expect(screen.getByRole('link', { name: 'P2 2 open' })).toHaveAttribute(
      'href',
      '/incidents?status=open&level=P2',
    );
    const breached = screen.getByTestId('incidents-breached');
    expect(breached).toHaveTextContent('1 SLA breached');
    expect(breached).toHaveTextContent(/P1 response overdue by (4m 5\ds|5m)/);
    expect(
      screen.getByRole('link', { name: /P1 response overdue by (4m 5\ds|5m)/ }),
    ).toHaveAttribute('href', '/incidents/a');
    expect(screen.getByTestId('incidents-nearest')).toHaveTextContent(
      /P2 response due in (19m|20m)/,
    );
  });

  it('is stale when a refresh fails', async () => {
    const listIncidents = jest
      .fn()
      .mockResolvedValueOnce(page([incident('a', 'P3', minutesAgo(1))]))
      .mockRejectedValueOnce(new Error('timeout'));
    const { signals } = await renderWithApis(<IncidentsCard />, {
      incidents: { getLevels: async () => levels, listIncidents },
    });
    expect(await screen.findByTestId('incidents-P3')).toBeInTheDocument();
    act(() => signals.publish(INCIDENTS_SIGNAL_CHANNEL, { type: 'changed' }));
    await waitFor(
      () =>
        expect(screen.getByTestId('incidents-stale')).toHaveTextContent(
          'Could not refresh incidents (timeout): showing the last data',
        ),
      { timeout: 3000 },
    );
    expect(screen.getByTestId('incidents-P3')).toBeInTheDocument();
  });
});
