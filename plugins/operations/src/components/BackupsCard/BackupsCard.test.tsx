import { act, screen, waitFor } from '@testing-library/react';
import { BACKUPS_SIGNAL_CHANNEL } from '@fdp/plugin-backups';
import { pending, renderWithApis } from '../../__testUtils__/render';
import { target } from '../../__testUtils__/fixtures';
import { BackupsCard } from './BackupsCard';

const HOUR = 3_600_000;

describe('BackupsCard', () => {
  it('shows progress while loading', async () => {
    await renderWithApis(<BackupsCard />, {
      backups: { listTargets: pending },
    });
    expect(screen.getByTestId('backups-loading')).toHaveTextContent(
      'Loading backups…',
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('says when no target is configured', async () => {
    await renderWithApis(<BackupsCard />, {
      backups: { listTargets: async () => [] },
    });
    expect(
      await screen.findByText('No backup targets configured'),
    ).toBeInTheDocument();
  });

  it('names the source on an error', async () => {
    await renderWithApis(<BackupsCard />, {
      backups: {
        listTargets: async () => {
          throw new Error('503 Service Unavailable');
        },
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load backups: 503 Service Unavailable',
    );
  });

  it('says all targets are OK', async () => {
    await renderWithApis(<BackupsCard />, {
      backups: { listTargets: async () => [target('db', 'ok', HOUR)] },
    });
    expect(await screen.findByText('All 1 targets OK')).toBeInTheDocument();
  });

  it('lists the targets not OK, critical first, and the worst RPO', async () => {
    await renderWithApis(<BackupsCard />, {
      backups: {
        listTargets: async () => [
          target('snapshots', 'warning', 26 * HOUR),
          target('trading-db', 'critical', 2 * HOUR, 'Full backup overdue'),
          target('ok-db', 'ok', HOUR),
        ],
      },
    });
    expect(await screen.findByText('2 targets not OK')).toBeInTheDocument();
    expect(screen.getByTestId('backups-worst-rpo')).toHaveTextContent(
      'Worst RPO: 1d 2h (snapshots)',
    );
    const lines = screen.getAllByTestId(/^backups-(trading-db|snapshots)$/);
    expect(lines.map(l => l.dataset.testid)).toEqual([
      'backups-trading-db',
      'backups-snapshots',
    ]);
    expect(lines[0]).toHaveTextContent('trading-db — Full backup overdue');
    expect(screen.getByRole('link', { name: 'trading-db' })).toHaveAttribute(
      'href',
      '/backups/trading-db',
    );
  });

  it('is stale when a refresh fails', async () => {
    const listTargets = jest
      .fn()
      .mockResolvedValueOnce([target('db', 'ok', HOUR)])
      .mockRejectedValueOnce(new Error('timeout'));
    const { signals } = await renderWithApis(<BackupsCard />, {
      backups: { listTargets },
    });
    expect(await screen.findByText('All 1 targets OK')).toBeInTheDocument();
    act(() => signals.publish(BACKUPS_SIGNAL_CHANNEL, { type: 'changed' }));
    await waitFor(
      () =>
        expect(screen.getByTestId('backups-stale')).toHaveTextContent(
          'Could not refresh backups (timeout): showing the last data',
        ),
      { timeout: 3000 },
    );
    expect(screen.getByText('All 1 targets OK')).toBeInTheDocument();
  });
});
