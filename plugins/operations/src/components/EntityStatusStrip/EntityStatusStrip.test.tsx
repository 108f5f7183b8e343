import { screen, within } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { pending, renderWithApis } from '../../__testUtils__/render';
import {
  alert,
  alertsResponse,
  incident,
  page,
  target,
} from '../../__testUtils__/fixtures';
import { EntityStatusStrip } from './EntityStatusStrip';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'trading-api', namespace: 'default', annotations },
  spec: {},
});

const tracked = entity({
  'backstage.io/kubernetes-id': 'trading-api',
  'prometheus.io/alert': 'TradingApiDown',
  'fdp.io/backup-targets': 'trading-db',
});

// four sources render at once: slow on a loaded machine
jest.setTimeout(30_000);

describe('EntityStatusStrip', () => {
  it('shows each status with a link to where it is told', async () => {
    const getAlerts = jest.fn(async () =>
      alertsResponse([alert('ErrorRateHigh', 'high')]),
    );
    const listIncidents = jest.fn(async () =>
      page([incident('a', 'P1', new Date().toISOString())]),
    );
    await renderWithApis(
      <EntityProvider entity={tracked}>
        <EntityStatusStrip />
      </EntityProvider>,
      {
        clusterHealth: {
          getWorkloads: async () => ({
            entityRef: 'component:default/trading-api',
            workloads: [{ status: 'warning' } as any],
            errors: [],
          }),
        },
        alerts: { getAlerts },
        incidents: { listIncidents },
        backups: {
          listTargets: async () => [
            target('trading-db', 'critical'),
            target('other-db', 'critical'),
          ],
        },
      },
    );
    const health = screen.getByTestId('strip-health');
    expect(
      await within(health).findByRole('link', { name: 'Warning' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/trading-api/cluster-health',
    );
    expect(
      await screen.findByRole('link', { name: '1 firing' }),
    ).toHaveAttribute(
      'href',
      '/alerts?entityRef=component%3Adefault%2Ftrading-api&state=firing',
    );
    expect(getAlerts).toHaveBeenCalledWith({
      entityRef: 'component:default/trading-api',
      state: 'firing',
    });
    expect(await screen.findByRole('link', { name: '1 open' })).toHaveAttribute(
      'href',
      '/incidents?entityRef=component%3Adefault%2Ftrading-api&status=open',
    );
    // only the entity's own targets count
    expect(
      await screen.findByRole('link', { name: '1 not OK' }),
    ).toBeInTheDocument();
  });

  it('says what an entity is not tied to, and when a source fails', async () => {
    await renderWithApis(
      <EntityProvider entity={entity({})}>
        <EntityStatusStrip />
      </EntityProvider>,
      {
        incidents: {
          listIncidents: async () => {
            throw new Error('down');
          },
        },
      },
    );
    expect(
      await within(screen.getByTestId('strip-health')).findByText(
        'Not tracked',
      ),
    ).toBeInTheDocument();
    expect(await screen.findByText('Unavailable')).toBeInTheDocument();
    expect(screen.getByTestId('strip-backups')).toHaveTextContent(
      'Not tracked',
    );
  });

  it('shows progress while a status loads', async () => {
    await renderWithApis(
      <EntityProvider entity={entity({})}>
        <EntityStatusStrip />
      </EntityProvider>,
      { incidents: { listIncidents: pending } },
    );
    expect(
      await within(screen.getByTestId('strip-incidents')).findByRole(
        'progressbar',
      ),
    ).toBeInTheDocument();
  });
});
