import { screen } from '@testing-library/react';
import { FakeBackupsApi } from '../../__testUtils__/fakes';
import { target, violation } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { HomePageBackups } from './HomePageBackups';

describe('HomePageBackups', () => {
  jest.setTimeout(20_000);

  it('lists the targets not OK and names the worst RPO', async () => {
    const api = new FakeBackupsApi({
      targets: [
        target({ name: 'trading-db', rpoMs: 10 * 60_000 }),
        target({ name: 'a-warning', status: 'warning', rpoMs: 60_000 }),
        target({
          name: 'cluster-snapshots',
          status: 'critical',
          violations: [violation({ severity: 'critical' })],
          rpoMs: 2 * 86_400_000,
        }),
      ],
    });
    renderWithApis(<HomePageBackups />, { api });
    expect(await screen.findByText('2 targets not OK')).toBeInTheDocument();
    // critical first
    expect(
      screen.getAllByTestId(/^target-/).map(e => e.getAttribute('data-testid')),
    ).toEqual(['target-cluster-snapshots', 'target-a-warning']);
    expect(
      screen.getByText('Worst RPO: 2 days (cluster-snapshots)'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('target-cluster-snapshots')).toBeInTheDocument();
    // brief: the violations are on the page, not on the home card
    expect(screen.queryByText(violation().message)).toBeNull();
    expect(screen.queryByTestId('target-trading-db')).toBeNull();
  });

  it('says so when every target is OK', async () => {
    renderWithApis(<HomePageBackups />, {
      api: new FakeBackupsApi({ targets: [target()] }),
    });
    expect(
      await screen.findByText('Every backup target is OK'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('target-trading-db')).toBeNull();
  });
});
