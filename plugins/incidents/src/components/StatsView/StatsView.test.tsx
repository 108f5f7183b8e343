import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { IncidentStats, LevelStats } from '@fdp/plugin-incidents-common';
import { StatsView } from './StatsView';
import { FakeIncidentsApi, never } from '../../__testUtils__/fakes';
import { MINUTE, responseError } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

function level(
  id: string,
  incidents: number,
  mttaMs: number | null,
  met: number,
  breached: number,
): LevelStats {
  const decided = met + breached;
  return {
    level: id,
    incidents,
    mttaMs,
    mttrMs: mttaMs === null ? null : mttaMs * 8,
    response: { met, breached, ratio: decided ? met / decided : null },
    resolution: { met: 0, breached: 0, ratio: null },
  };
}

const stats = (
  window: IncidentStats['window'],
  total: number,
): IncidentStats => ({
  window,
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-11-30T00:00:00.000Z',
  levels: [level('P1', total, 10 * MINUTE, 3, 1), level('P2', 0, null, 0, 0)],
  overall: level('all', total, 10 * MINUTE, 3, 1),
});

describe('StatsView', () => {
  jest.setTimeout(20_000);

  it('shows MTTA, MTTR and compliance per level as a chart and a table', async () => {
    const api = new FakeIncidentsApi({ stats: stats('30d', 4) });
    renderWithApis(<StatsView />, { api });
    const p1 = await screen.findByTestId('stats-P1');
    expect(api.getStats).toHaveBeenCalledWith('30d');
    expect(p1).toHaveTextContent(
      'P1410 minutes1 hour, 20 minutes75 % (3/4)n/a (0/0)',
    );
    expect(screen.getByTestId('stats-P2')).toHaveTextContent(
      'P20n/an/an/a (0/0)n/a (0/0)',
    );
    // bars: P1's MTTA is the longest; P2 has none
    const mtta = screen.getByTestId('chart-mtta');
    const width = (label: string) =>
      Number(
        mtta.querySelector(`[data-bar="${label}"] rect`)!.getAttribute('width'),
      );
    expect(width('P1')).toBeGreaterThan(100);
    expect(width('P2')).toBe(0);
    expect(
      within(screen.getByTestId('chart-compliance')).getByText('P1 Response'),
    ).toBeInTheDocument();
  });

  it('reloads for another window', async () => {
    const api = new FakeIncidentsApi();
    api.stats = () => stats(api.getStats.mock.calls.at(-1)![0], 4);
    renderWithApis(<StatsView />, { api });
    await screen.findByTestId('stats-P1');
    await userEvent.click(screen.getByRole('tab', { name: 'Last 7 days' }));
    await waitFor(() => expect(api.getStats).toHaveBeenLastCalledWith('7d'));
  });

  it('has loading, empty and error states', async () => {
    const loading = renderWithApis(<StatsView />, {
      api: new FakeIncidentsApi({ stats: never() }),
    });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    loading.unmount();

    const empty = renderWithApis(<StatsView />, {
      api: new FakeIncidentsApi({ stats: stats('30d', 0) }),
    });
    expect(
      await screen.findByText('No incidents detected in this window'),
    ).toBeInTheDocument();
    empty.unmount();

    renderWithApis(<StatsView />, {
      api: new FakeIncidentsApi({
        stats: await responseError(400, 'InputError', 'Invalid window'),
      }),
    });
    expect(await screen.findByText(/Invalid window/)).toBeInTheDocument();
  });
});
