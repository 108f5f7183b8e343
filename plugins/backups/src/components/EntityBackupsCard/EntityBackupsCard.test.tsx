import { screen, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { FakeBackupsApi } from '../../__testUtils__/fakes';
import { target, violation } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { EntityBackupsCard } from './EntityBackupsCard';

const tradingApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-api',
    annotations: {
      'fdp.io/backup-targets': 'trading-db,cluster-snapshots,gone-db',
    },
  },
};

describe('EntityBackupsCard', () => {
  jest.setTimeout(20_000);

  it('shows the targets the annotation names, and says which are not configured', async () => {
    const overdue = violation();
    const api = new FakeBackupsApi({
      targets: [
        target({ name: 'trading-db' }),
        target({
          name: 'cluster-snapshots',
          status: 'warning',
          violations: [overdue],
        }),
        target({ name: 'orders-db' }),
      ],
    });
    renderWithApis(
      <EntityProvider entity={tradingApi}>
        <EntityBackupsCard />
      </EntityProvider>,
      { api },
    );
    const db = await screen.findByTestId('target-trading-db');
    expect(within(db).getByText('OK')).toBeInTheDocument();
    expect(
      within(db).getByRole('link', { name: 'trading-db' }),
    ).toHaveAttribute('href', '/backups/trading-db');
    const snapshots = screen.getByTestId('target-cluster-snapshots');
    expect(within(snapshots).getByText(overdue.message)).toBeInTheDocument();
    expect(screen.queryByTestId('target-orders-db')).toBeNull();
    expect(
      screen.getByText(
        'Target gone-db is not configured in the backups backend',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /All backups/ })).toHaveAttribute(
      'href',
      '/backups',
    );
  });

  it('shows the backend’s error', async () => {
    renderWithApis(
      <EntityProvider entity={tradingApi}>
        <EntityBackupsCard />
      </EntityProvider>,
      { api: new FakeBackupsApi({ targets: new Error('backend down') }) },
    );
    expect(await screen.findByText('Error: backend down')).toBeInTheDocument();
  });
});
