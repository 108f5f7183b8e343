import { act, screen, within } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import { FakeBackupsApi } from '../../__testUtils__/fakes';
import { target, violation } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { TargetList } from './TargetList';

describe('TargetList', () => {
  jest.setTimeout(20_000);

  it('shows each target with its status, violations in words, window, RPO and next due, the worst first', async () => {
    const overdue = violation();
    const api = new FakeBackupsApi({
      targets: [
        target({ name: 'trading-db' }),
        target({
          name: 'cluster-snapshots',
          policy: 'cluster',
          provider: { type: 'velero', name: 'fdp-cluster' },
          status: 'warning',
          violations: [overdue],
          nextDue: { full: '2026-11-30T16:00:00.000Z' },
          rpoMs: 2 * 86_400_000 + 3 * 3_600_000,
        }),
      ],
    });
    renderWithApis(<TargetList />, { api });

    // the first render loads the page's modules: slow on a busy machine
    const snapshots = await screen.findByTestId(
      'target-cluster-snapshots',
      {},
      { timeout: 10_000 },
    );
    const db = screen.getByTestId('target-trading-db');
    // the warning before the OK target
    expect(
      snapshots.compareDocumentPosition(db) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();

    expect(within(snapshots).getByText('Warning')).toBeInTheDocument();
    expect(within(snapshots).getByText(overdue.message)).toBeInTheDocument();
    expect(within(snapshots).getByText('2 days, 3 hours')).toBeInTheDocument();
    expect(
      within(snapshots).getByRole('link', { name: 'cluster-snapshots' }),
    ).toHaveAttribute('href', '/backups/cluster-snapshots');
    expect(within(snapshots).queryByText('Next incremental')).toBeNull();

    expect(within(db).getByText('OK')).toBeInTheDocument();
    expect(
      within(db).getByText('Backed up as the policy says.'),
    ).toBeInTheDocument();
    expect(within(db).getByText('10 minutes')).toBeInTheDocument();
    expect(within(db).getByText('Next incremental')).toBeInTheDocument();
    expect(
      within(db).getByRole('img', {
        name: /^Recovery window from Nov \d+, 2026/,
      }),
    ).toBeInTheDocument();
    expect(within(db).getByText(/Newest archived WAL/)).toBeInTheDocument();
  });

  it('is loud about a target without backups and about an unreadable repository', async () => {
    const none = violation({
      code: 'NO_BACKUPS',
      severity: 'critical',
      message: 'trading-db has no backups: it cannot be restored.',
    });
    const repo = violation({
      code: 'REPOSITORY_ERROR',
      severity: 'critical',
      message:
        "[PathOpenError] unable to list file info for path '/var/lib/pgbackrest/backup': [13] Permission denied",
    });
    const api = new FakeBackupsApi({
      targets: [
        target({
          name: 'trading-db',
          status: 'critical',
          violations: [none],
          recoveryWindow: undefined,
          rpoMs: undefined,
          backupCount: 0,
        }),
        target({
          name: 'other-db',
          status: 'critical',
          violations: [repo],
          recoveryWindow: undefined,
          rpoMs: undefined,
        }),
      ],
    });
    renderWithApis(<TargetList />, { api });

    const db = await screen.findByTestId('target-trading-db');
    expect(within(db).getByRole('alert')).toHaveTextContent(
      `No backups: this target cannot be restored${none.message}`,
    );
    expect(within(db).getByText('Nothing restorable')).toBeInTheDocument();
    const other = screen.getByTestId('target-other-db');
    expect(
      within(other).getByText(
        'Repository unreadable: backups cannot be verified',
      ),
    ).toBeInTheDocument();
    // said once, in the alert
    expect(within(other).getAllByText(repo.message)).toHaveLength(1);
    expect(
      within(other).queryByText('No backups: this target cannot be restored'),
    ).toBeNull();
  });

  it('warns on a target whose cluster data is stale, with since when, and not on the others', async () => {
    const api = new FakeBackupsApi({
      targets: [
        target({
          name: 'cluster-snapshots',
          stale: true,
          dataAsOf: '2026-11-30T01:02:00.000Z',
        }),
        target({ name: 'trading-db', stale: false }),
      ],
    });
    renderWithApis(<TargetList />, { api });

    const stale = await screen.findByTestId('target-cluster-snapshots');
    expect(within(stale).getByTestId('target-stale')).toHaveTextContent(
      /Cluster data is stale since .+ \(its watch is failing\)/,
    );
    expect(
      within(screen.getByTestId('target-trading-db')).queryByTestId(
        'target-stale',
      ),
    ).toBeNull();
  });

  it('shows progress while loading, then the empty state', async () => {
    let answer: (value: never[]) => void = () => {};
    const api = new FakeBackupsApi();
    api.listTargets.mockImplementation(
      () => new Promise(resolve => (answer = resolve)),
    );
    renderWithApis(<TargetList />, { api });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    await act(async () => answer([]));
    expect(
      await screen.findByText('No backup targets are configured'),
    ).toBeInTheDocument();
  });

  it('shows the backend’s error', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'NotAllowedError', message: 'not for you' },
        request: { method: 'GET', url: '/api/backups/targets' },
        response: { statusCode: 403 },
      }),
      { status: 403, headers: { 'Content-Type': 'application/json' } },
    );
    const api = new FakeBackupsApi({
      targets: await ResponseError.fromResponse(response),
    });
    renderWithApis(<TargetList />, { api });
    expect(await screen.findByText(/not for you/)).toBeInTheDocument();
  });

  it('reloads on a backups signal', async () => {
    const api = new FakeBackupsApi({ targets: [target()] });
    const { signals } = renderWithApis(<TargetList />, { api });
    await screen.findByTestId('target-trading-db');
    api.targets = [
      target({
        status: 'critical',
        violations: [violation({ severity: 'critical' })],
      }),
    ];
    act(() =>
      signals.publish('backups', {
        type: 'backups-changed',
        targets: ['trading-db'],
      }),
    );
    expect(
      await screen.findByText('Critical', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });
});
