import { screen, within } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { EntityAlertsCard } from './EntityAlertsCard';
import { FakeAlertsApi } from '../../__testUtils__/fakes';
import {
  errorRateAlert,
  latencyAlert,
  sourceError,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-api',
    annotations: { 'prometheus.io/labels': 'service=trading-api' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-trading' },
};

function renderCard(api: FakeAlertsApi) {
  return renderWithApis(
    <EntityProvider entity={entity}>
      <EntityAlertsCard />
    </EntityProvider>,
    { api },
  );
}

describe('EntityAlertsCard', () => {
  it("lists the entity's alerts by priority, with a link to the page", async () => {
    const api = new FakeAlertsApi({
      alerts: {
        alerts: [errorRateAlert, latencyAlert],
        counts: { high: 0, medium: 1, low: 1, none: 0 },
        errors: [sourceError],
      },
    });
    renderCard(api);

    const latency = await screen.findByTestId(
      'alert-item-fp-TradingApiLatencyHigh',
    );
    expect(api.getAlerts).toHaveBeenCalledWith({
      entityRef: 'component:default/trading-api',
    });
    expect(within(latency).getByText('Medium')).toBeInTheDocument();
    expect(within(latency).getByText('Firing')).toBeInTheDocument();
    expect(latency).toHaveTextContent('p99 latency above 500 ms');
    const items = screen.getAllByTestId(/^alert-item-/);
    expect(items.map(i => i.dataset.testid)).toEqual([
      'alert-item-fp-TradingApiLatencyHigh',
      'alert-item-fp-TradingApiErrorRate',
    ]);
    expect(within(items[1]).getByText('Pending')).toBeInTheDocument();
    expect(screen.getByTestId('count-medium')).toHaveTextContent('Medium 1');
    expect(
      screen.getByTestId('source-error-alertmanager-dr'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /View in alerts/ }),
    ).toHaveAttribute(
      'href',
      '/alerts?entityRef=component%3Adefault%2Ftrading-api',
    );
  });

  it('says when the entity has no alerts', async () => {
    renderCard(new FakeAlertsApi());
    expect(
      await screen.findByText('No alerts for this entity'),
    ).toBeInTheDocument();
  });
});
