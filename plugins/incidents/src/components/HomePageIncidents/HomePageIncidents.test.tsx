import { screen } from '@testing-library/react';
import { HomePageIncidents, HOME_TOP_INCIDENTS } from './HomePageIncidents';
import { FakeIncidentsApi } from '../../__testUtils__/fakes';
import { incident, responseError } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

describe('HomePageIncidents', () => {
  jest.setTimeout(20_000);

  it('lists the first open incidents and how many more there are', async () => {
    const items = Array.from({ length: HOME_TOP_INCIDENTS + 2 }, (_, i) =>
      incident({ id: `INC-${i + 1}` }),
    );
    const api = new FakeIncidentsApi({ list: { items } });
    renderWithApis(<HomePageIncidents />, { api });
    expect(await screen.findByTestId('incident-INC-1')).toBeInTheDocument();
    expect(
      screen.queryByTestId(`incident-INC-${HOME_TOP_INCIDENTS + 1}`),
    ).toBeNull();
    expect(screen.getByText('and 2 more')).toBeInTheDocument();
    expect(api.listIncidents).toHaveBeenCalledWith({ status: 'open' });
  });

  it('has an empty and an error state', async () => {
    const empty = renderWithApis(<HomePageIncidents />, {
      api: new FakeIncidentsApi(),
    });
    expect(await screen.findByText('No open incidents')).toBeInTheDocument();
    empty.unmount();
    renderWithApis(<HomePageIncidents />, {
      api: new FakeIncidentsApi({
        list: await responseError(
          503,
          'ServiceUnavailableError',
          'Database down',
        ),
      }),
    });
    expect(await screen.findByText(/Database down/)).toBeInTheDocument();
  });
});
