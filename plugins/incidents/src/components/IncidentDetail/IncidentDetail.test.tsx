import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  Incident,
  IncidentDetailsResponse,
} from '@fdp/plugin-incidents-common';
import { IncidentDetail } from './IncidentDetail';
import { FakeIncidentsApi, never } from '../../__testUtils__/fakes';
import {
  created,
  incident,
  MINUTE,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

function details(overrides: Partial<Incident>): IncidentDetailsResponse {
  const i = incident({ id: 'INC-7', ...overrides }, 40 * MINUTE);
  return {
    incident: i,
    timeline: [created({ incidentId: i.id, at: i.detectedAt })],
  };
}

function renderDetail(api: FakeIncidentsApi, denied = false, id = 'INC-7') {
  return renderWithApis(<IncidentDetail />, {
    api,
    denied,
    mountPath: '/incidents/:id',
    initialRouteEntries: [`/incidents/${id}`],
  });
}

/** The stages offered as moves, in order. */
async function offeredMoves(): Promise<string[]> {
  // the first render loads the page's modules: slow on a busy machine
  const moves = await screen.findByTestId(
    'stage-moves',
    {},
    { timeout: 10_000 },
  );
  return within(moves)
    .getAllByRole('button')
    .map(b => b.getAttribute('data-testid')!.replace('move-', ''));
}

/** Clicks a change button once the permission decision has enabled it. */
async function clickEnabled(testId: string) {
  const button = await screen.findByTestId(testId);
  await waitFor(() => expect(button).toBeEnabled());
  await userEvent.click(button);
}

describe('IncidentDetail', () => {
  jest.setTimeout(30_000);

  it('offers only the moves the procedure allows from the current stage', async () => {
    const api = new FakeIncidentsApi({
      details: details({
        stage: 'investigating',
        acknowledgedAt: new Date(Date.now() - 35 * MINUTE).toISOString(),
      }),
    });
    renderDetail(api);
    expect(await offeredMoves()).toEqual([
      'mitigating',
      'resolved',
      'postmortem',
      'closed',
    ]);
    expect(api.getIncident).toHaveBeenCalledWith('INC-7');
    const stepper = screen.getByTestId('stage-stepper');
    expect(
      within(stepper).getByText('Root cause analysis'),
    ).toBeInTheDocument();
  });

  it('offers reopening from resolved, and nothing once closed', async () => {
    const api = new FakeIncidentsApi({
      details: details({ stage: 'resolved' }),
    });
    const { unmount } = renderDetail(api);
    expect(await offeredMoves()).toEqual([
      'mitigating',
      'postmortem',
      'closed',
    ]);
    expect(screen.getByTestId('move-mitigating')).toHaveTextContent(
      'Reopen: back to Fix executed',
    );
    unmount();

    const closed = new FakeIncidentsApi({
      details: details({ stage: 'closed' }),
    });
    renderDetail(closed);
    expect(
      await screen.findByText('A closed incident does not move any more.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('stage-moves')).toBeNull();
  });

  it('moves the incident with the note and reloads it', async () => {
    const api = new FakeIncidentsApi({
      details: details({ stage: 'detected' }),
    });
    api.moved = () => incident({ id: 'INC-7', stage: 'responding' });
    renderDetail(api);
    await screen.findByTestId('stage-moves');
    await userEvent.type(
      screen.getByLabelText('Note for this move (optional)'),
      'team assembled',
    );
    await clickEnabled('move-responding');
    await waitFor(() =>
      expect(api.transition).toHaveBeenCalledWith('INC-7', {
        to: 'responding',
        note: 'team assembled',
      }),
    );
    await waitFor(() => expect(api.getIncident).toHaveBeenCalledTimes(2));
  });

  it('disables every change for a user without the permission, saying why', async () => {
    // its own id: usePermission caches decisions per resource across tests
    const api = new FakeIncidentsApi({
      details: details({ id: 'INC-8', stage: 'triaged' }),
    });
    const { permission } = renderDetail(api, true, 'INC-8');
    await screen.findByTestId('stage-moves');
    // disabled with the reason, not merely while the decision loads
    await waitFor(() =>
      expect(screen.getAllByTestId('permission-denied')).toHaveLength(11),
    );
    for (const id of [
      'move-responding',
      'move-closed',
      'change-level',
      'edit-people',
      'edit-postmortem',
      'add-note',
    ]) {
      expect(screen.getByTestId(id)).toBeDisabled();
    }
    // the permission asked is the update of this incident
    expect(permission.authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({
          name: 'incidents.incident.update',
        }),
        resourceRef: 'INC-8',
      }),
    );
    await userEvent.hover(screen.getAllByTestId('permission-denied')[0]);
    expect(
      await screen.findByText(
        'Only devops and the incident’s owner can change this incident',
      ),
    ).toBeInTheDocument();
  });

  it('says so and reloads when someone else saved first (409)', async () => {
    const api = new FakeIncidentsApi({
      details: details({ stage: 'responding', version: 3 }),
    });
    api.updated = await responseError(409, 'ConflictError', 'Stale version 3', {
      currentVersion: 4,
    });
    renderDetail(api);
    await clickEnabled('change-level');
    await userEvent.click(screen.getByTestId('new-level'));
    await userEvent.click(await screen.findByRole('option', { name: /^P2/ }));
    await userEvent.type(
      screen.getByTestId('level-reason'),
      'only checkout is down',
    );
    await userEvent.click(
      within(screen.getByTestId('level-editor')).getByRole('button', {
        name: 'Save',
      }),
    );
    await waitFor(() =>
      expect(api.updateIncident).toHaveBeenCalledWith('INC-7', {
        version: 3,
        level: 'P2',
        levelReason: 'only checkout is down',
      }),
    );
    expect(await screen.findByTestId('save-failure')).toHaveTextContent(
      'Someone else changed this incident meanwhile',
    );
    await waitFor(() => expect(api.getIncident).toHaveBeenCalledTimes(2));
  });

  it('refuses a level change without a reason', async () => {
    const api = new FakeIncidentsApi({
      details: details({ stage: 'responding' }),
    });
    renderDetail(api);
    await clickEnabled('change-level');
    await userEvent.click(screen.getByTestId('new-level'));
    await userEvent.click(await screen.findByRole('option', { name: /^P3/ }));
    await userEvent.click(
      within(screen.getByTestId('level-editor')).getByRole('button', {
        name: 'Save',
      }),
    );
    expect(
      await screen.findByText('Say why the level changes'),
    ).toBeInTheDocument();
    expect(api.updateIncident).not.toHaveBeenCalled();
  });

  it('starts the post-mortem from the template, previews and saves it', async () => {
    const api = new FakeIncidentsApi({
      details: details({ stage: 'postmortem', version: 5 }),
    });
    api.updated = () => incident({ id: 'INC-7', version: 6 });
    renderDetail(api);
    await clickEnabled('edit-postmortem');
    const text = screen.getByTestId('postmortem-text') as HTMLTextAreaElement;
    expect(text.value).toContain('# Post-mortem: Incident INC-7');
    expect(text.value).toContain('## Root cause');
    await userEvent.click(screen.getByTestId('postmortem-preview-tab'));
    expect(
      within(screen.getByTestId('postmortem-preview')).getByRole('heading', {
        name: 'Prevention',
      }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('save-postmortem'));
    await waitFor(() =>
      expect(api.updateIncident).toHaveBeenCalledWith('INC-7', {
        version: 5,
        postmortem: expect.stringContaining('## Prevention'),
      }),
    );
  });

  it('shows progress while loading and the backend error for an unknown id', async () => {
    const loading = new FakeIncidentsApi({ details: never() });
    const { unmount } = renderDetail(loading);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByTestId('incident-detail')).toBeNull();
    unmount();

    const missing = new FakeIncidentsApi({
      details: await responseError(
        404,
        'NotFoundError',
        "No incident with id 'INC-7'",
      ),
    });
    renderDetail(missing);
    expect(
      await screen.findByText(/No incident with id 'INC-7'/),
    ).toBeInTheDocument();
  });
});
