import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_LEVELS } from '@fdp/plugin-incidents-common';
import { CreateIncidentDialog } from './CreateIncidentDialog';
import { CreateIncidentButton } from './CreateIncidentButton';
import { FakeIncidentsApi } from '../../__testUtils__/fakes';
import { incident, responseError } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

function renderDialog(api: FakeIncidentsApi, entityRef?: string) {
  const onCreated = jest.fn();
  const onClose = jest.fn();
  renderWithApis(
    <CreateIncidentDialog
      open
      levels={DEFAULT_LEVELS}
      entityRef={entityRef}
      onClose={onClose}
      onCreated={onCreated}
    />,
    { api },
  );
  return { onCreated, onClose };
}

const submit = () => screen.getByRole('button', { name: 'Open incident' });

/** Pastes into an input: typing 200 characters one by one is slow. */
async function enter(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  await userEvent.click(input);
  await userEvent.paste(text);
}

describe('CreateIncidentDialog', () => {
  jest.setTimeout(30_000);

  it('requires a title', async () => {
    const api = new FakeIncidentsApi();
    renderDialog(api);
    const title = await screen.findByTestId('create-title');
    expect(submit()).toBeDisabled();
    await enter(title, '   ');
    await userEvent.tab();
    expect(await screen.findByText('A title is required')).toBeInTheDocument();
    expect(submit()).toBeDisabled();
    expect(api.createIncident).not.toHaveBeenCalled();
  });

  it('accepts 200 characters of title and refuses 201', async () => {
    const api = new FakeIncidentsApi();
    renderDialog(api);
    const title = await screen.findByTestId('create-title');
    await enter(title, 'x'.repeat(201));
    expect(
      await screen.findByText('At most 200 characters (201 now)'),
    ).toBeInTheDocument();
    expect(submit()).toBeDisabled();
    await enter(title, 'x'.repeat(200));
    expect(screen.queryByText(/At most 200 characters/)).toBeNull();
    expect(submit()).toBeEnabled();
  });

  it('opens the incident with level and the preselected component', async () => {
    const api = new FakeIncidentsApi();
    const opened = incident({ id: 'INC-9' });
    api.created = opened;
    const { onCreated } = renderDialog(api, 'component:default/trading-api');
    await enter(
      await screen.findByTestId('create-title'),
      ' trading-api down ',
    );
    await userEvent.click(screen.getByTestId('create-level'));
    await userEvent.click(await screen.findByRole('option', { name: /^P2/ }));
    await userEvent.click(submit());
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(opened));
    expect(api.createIncident).toHaveBeenCalledWith({
      title: 'trading-api down',
      level: 'P2',
      entityRef: 'component:default/trading-api',
    });
  });

  it('shows why the backend refused', async () => {
    const api = new FakeIncidentsApi();
    api.created = await responseError(
      400,
      'InputError',
      "Invalid entityRef: no component 'ghost' in the catalog",
    );
    const { onCreated } = renderDialog(api, 'component:default/ghost');
    await enter(await screen.findByTestId('create-title'), 'ghost down');
    await userEvent.click(submit());
    expect(
      await screen.findByText(/no component 'ghost' in the catalog/),
    ).toBeInTheDocument();
    expect(onCreated).not.toHaveBeenCalled();
  });
});

describe('CreateIncidentButton', () => {
  jest.setTimeout(30_000);

  it('is disabled with the reason for a user who may not open incidents', async () => {
    const api = new FakeIncidentsApi();
    const { permission } = renderWithApis(
      <CreateIncidentButton levels={DEFAULT_LEVELS} onCreated={jest.fn()} />,
      { api, denied: true },
    );
    await userEvent.hover(await screen.findByTestId('permission-denied'));
    expect(
      await screen.findByText('You are not allowed to open incidents'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New incident' })).toBeDisabled();
    expect(permission.authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({
          name: 'incidents.incident.create',
        }),
      }),
    );
  });
});
