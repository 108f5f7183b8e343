import { screen, within } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityIncidentsCard } from './EntityIncidentsCard';
import { FakeIncidentsApi } from '../../__testUtils__/fakes';
import { catalogEntities, incident } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

const tradingApi = catalogEntities.find(
  e => e.metadata.name === 'trading-api',
)!;

describe('EntityIncidentsCard', () => {
  jest.setTimeout(20_000);

  it('lists the component’s open incidents and links to the filtered page', async () => {
    const api = new FakeIncidentsApi({
      list: {
        items: [
          incident({ id: 'INC-1', entityRef: 'component:default/trading-api' }),
        ],
      },
    });
    renderWithApis(
      <EntityProvider entity={tradingApi}>
        <EntityIncidentsCard />
      </EntityProvider>,
      { api },
    );
    const row = await screen.findByTestId('incident-INC-1');
    expect(
      within(row).getByRole('link', { name: 'Incident INC-1' }),
    ).toHaveAttribute('href', '/incidents/INC-1');
    expect(api.listIncidents).toHaveBeenCalledWith({
      entityRef: 'component:default/trading-api',
      status: 'open',
    });
    expect(
      screen.getByRole('link', { name: /View in incidents/ }),
    ).toHaveAttribute(
      'href',
      '/incidents?entityRef=component%3Adefault%2Ftrading-api',
    );
    expect(
      screen.getByRole('button', { name: 'Open an incident' }),
    ).toBeEnabled();
  });

  it('says when the component has no open incident', async () => {
    renderWithApis(
      <EntityProvider entity={tradingApi}>
        <EntityIncidentsCard />
      </EntityProvider>,
      { api: new FakeIncidentsApi() },
    );
    expect(
      await screen.findByText('No open incidents for this component'),
    ).toBeInTheDocument();
  });
});
