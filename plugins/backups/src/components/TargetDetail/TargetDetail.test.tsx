import { screen, waitFor, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { FakeBackupsApi } from '../../__testUtils__/fakes';
import { backup, target } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { BackupsPage } from '../BackupsPage';
import { createFormatters } from '@fdp/live-data-react';

describe('TargetDetail', () => {
  jest.setTimeout(20_000);

  const entity = (kind: string, name: string, targets: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'fdp.io/backup-targets': targets },
    },
  });

  const render = (api: FakeBackupsApi, name: string, entities?: Entity[]) =>
    renderWithApis(<BackupsPage />, {
      api,
      entities,
      mountPath: '/backups/*',
      initialRouteEntries: [`/backups/${name}`],
    });

  it('lists the backups, flags checksum errors and fills the runbook with the stanza', async () => {
    const full = backup();
    const corrupt = backup({
      id: '20261129-010002F_20261130-010003I',
      type: 'incr',
      startedAt: '2026-11-30T01:00:03.000Z',
      stoppedAt: '2026-11-30T01:02:03.000Z',
      sizeBytes: 1536,
      checksumErrors: true,
    });
    const api = new FakeBackupsApi({
      targets: [target({ name: 'orders-db', lastFull: full })],
      backups: { 'orders-db': [full, corrupt] },
    });
    render(api, 'orders-db', [
      entity('Component', 'orders-api', 'orders-db,cluster-snapshots'),
      entity('Resource', 'orders-db', 'orders-db'),
      entity('Component', 'trading-api', 'trading-db'),
    ]);

    const corruptRow = (await screen.findByText(corrupt.id)).closest('tr')!;
    expect(within(corruptRow).getByText('incremental')).toBeInTheDocument();
    expect(within(corruptRow).getByText('2 minutes')).toBeInTheDocument();
    expect(within(corruptRow).getByText('1.5 KiB')).toBeInTheDocument();
    expect(
      within(corruptRow).getByText(
        'CHECKSUM ERRORS: corrupted pages were backed up',
      ),
    ).toBeInTheDocument();
    const fullRow = screen.getByText(full.id).closest('tr')!;
    // 12 min 30 s, in the portal's one duration format
    expect(
      within(fullRow).getByText(createFormatters('en').duration(750_000)),
    ).toBeInTheDocument();
    expect(within(fullRow).getByText('25 GiB')).toBeInTheDocument();
    // the WAL range's two segments on two lines
    expect(fullRow).toHaveTextContent(
      '000000010000000000000010 –000000010000000000000012',
    );
    expect(
      within(fullRow).queryByText(
        'CHECKSUM ERRORS: corrupted pages were backed up',
      ),
    ).toBeNull();
    expect(screen.getByText('WAL range')).toBeInTheDocument();
    // the 30-day calendar: the full's day backed up, the corrupt one's failed
    const days = screen.getAllByRole('listitem');
    expect(days).toHaveLength(30);
    const states = days.map(d => d.getAttribute('data-state'));
    expect(states.filter(s => s === 'success')).toHaveLength(1);
    expect(states.filter(s => s === 'failed')).toHaveLength(1);
    expect(screen.getByText('Last 30 days')).toBeInTheDocument();
    // the catalog entities naming the target
    const usedBy = await screen.findByTestId('used-by');
    expect(
      within(usedBy)
        .getAllByRole('link')
        .map(a => a.getAttribute('href')),
    ).toEqual([
      '/catalog/default/component/orders-api',
      '/catalog/default/resource/orders-db',
    ]);
    // newest first
    expect(
      corruptRow.compareDocumentPosition(fullRow) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();

    const restoreFull = screen.getByTestId('runbook-restoreFull');
    expect(restoreFull).toHaveTextContent(
      `Restore the newest full backup (${full.id})`,
    );
    // CodeSnippet loads its highlighter lazily
    await waitFor(() =>
      expect(restoreFull).toHaveTextContent(
        'pgbackrest --stanza=orders-db --delta restore',
      ),
    );
    expect(screen.getByTestId('runbook-restorePitr')).toHaveTextContent(
      'pgbackrest --stanza=orders-db --delta --type=time "--target=2026-11-30 01:50:00+00"',
    );
    expect(screen.getByTestId('runbook-stopApp')).toHaveTextContent(
      '--replicas=0',
    );
    expect(
      screen.getAllByRole('button', { name: /copy/i }).length,
    ).toBeGreaterThanOrEqual(7);
  });

  it('says there is nothing to restore from without a full backup', async () => {
    const api = new FakeBackupsApi({
      targets: [target({ lastFull: undefined, backupCount: 0 })],
      backups: { 'trading-db': [] },
    });
    render(api, 'trading-db');
    expect(
      await screen.findByText(
        'There is no restorable full backup: a pgBackRest restore is not possible.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The provider lists no backups for this target'),
    ).toBeInTheDocument();
    // no backup has sizes or WAL: no empty columns for them
    expect(screen.queryByText('WAL range')).toBeNull();
    expect(screen.queryByText('Size')).toBeNull();
  });

  it('shows the 404 of an unknown target', async () => {
    render(new FakeBackupsApi({ targets: [target()] }), 'nope');
    expect(
      await screen.findByText("Error: No backup target 'nope'"),
    ).toBeInTheDocument();
  });
});
