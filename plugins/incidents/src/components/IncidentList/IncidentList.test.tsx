import { screen, waitFor, within } from '@testing-library/react';
import { IncidentList } from './IncidentList';
import { FakeIncidentsApi, never } from '../../__testUtils__/fakes';
import { incident, MINUTE, responseError } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

function renderList(api: FakeIncidentsApi, path = '/incidents') {
  return renderWithApis(<IncidentList />, {
    api,
    mountPath: '/incidents',
    initialRouteEntries: [path],
  });
}

const rowIds = (section: HTMLElement) =>
  within(section)
    .queryAllByTestId(/^incident-/)
    .map(row => row.getAttribute('data-testid'));

describe('IncidentList', () => {
  jest.setTimeout(20_000);

  it('shows open incidents first, then resolved and closed ones', async () => {
    const api = new FakeIncidentsApi({
      list: {
        // deliberately mixed: the page groups by stage, not by position
        items: [
          incident({ id: 'INC-3', stage: 'closed' }, 300 * MINUTE),
          incident({ id: 'INC-1', stage: 'investigating' }),
          incident({ id: 'INC-4', stage: 'postmortem' }, 200 * MINUTE),
          incident({ id: 'INC-2', stage: 'detected', level: 'P3' }),
        ],
      },
    });
    renderList(api);

    const open = await screen.findByTestId('open-incidents');
    const done = screen.getByTestId('done-incidents');
    expect(open).toHaveTextContent('Open incidents (2)');
    expect(done).toHaveTextContent('Resolved and closed (2)');
    expect(rowIds(open)).toEqual(['incident-INC-1', 'incident-INC-2']);
    expect(rowIds(done)).toEqual(['incident-INC-3', 'incident-INC-4']);
    // the open section comes before the other in the document
    expect(
      open.compareDocumentPosition(done) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(
      within(screen.getByTestId('incident-INC-2')).getByTestId('level-chip'),
    ).toHaveTextContent('P3 minor');
  });

  it('colours each SLA clock: running below 75 %, at risk from 75 %, breached past due', async () => {
    // P1: respond within 15 min (75 % = 11m15s), resolve within 2 h
    const api = new FakeIncidentsApi({
      list: {
        items: [
          incident({ id: 'INC-running' }, 11 * MINUTE),
          incident({ id: 'INC-at-risk' }, 11.5 * MINUTE),
          incident({ id: 'INC-breached' }, 16 * MINUTE),
          incident(
            {
              id: 'INC-met',
              stage: 'responding',
              acknowledgedAt: new Date(Date.now() - 20 * MINUTE).toISOString(),
            },
            30 * MINUTE,
          ),
        ],
      },
    });
    renderList(api);
    await screen.findByTestId('open-incidents');

    const clock = (id: string, kind: 'response' | 'resolution') =>
      within(screen.getByTestId(`incident-${id}`)).getByTestId(`sla-${kind}`);

    expect(clock('INC-running', 'response')).toHaveAttribute(
      'data-sla-status',
      'running',
    );
    expect(clock('INC-running', 'response')).toHaveTextContent(
      /Response: [34] minutes?(, \d+ seconds?)? left/,
    );
    expect(clock('INC-at-risk', 'response')).toHaveAttribute(
      'data-sla-status',
      'at-risk',
    );
    expect(clock('INC-breached', 'response')).toHaveAttribute(
      'data-sla-status',
      'breached',
    );
    expect(clock('INC-breached', 'response')).toHaveTextContent(
      /overdue by 1 minute/,
    );
    expect(clock('INC-breached', 'resolution')).toHaveAttribute(
      'data-sla-status',
      'running',
    );
    expect(clock('INC-met', 'response')).toHaveAttribute(
      'data-sla-status',
      'met',
    );

    // a breach badge only where a clock is breached
    expect(
      within(screen.getByTestId('incident-INC-breached')).getByTestId(
        'breach-response',
      ),
    ).toHaveTextContent('Response SLA breached');
    for (const id of ['INC-running', 'INC-at-risk', 'INC-met']) {
      expect(
        within(screen.getByTestId(`incident-${id}`)).queryByTestId(
          'breach-response',
        ),
      ).toBeNull();
    }
  });

  it('shows the escalation step reached and who is notified next, by name', async () => {
    // P1 chain devops_lead → system_architect → cto, one step per 15 min
    const api = new FakeIncidentsApi({
      list: { items: [incident({ id: 'INC-1' }, 20 * MINUTE)] },
    });
    renderList(api);
    const escalation = await screen.findByTestId('escalation');
    // step 2 (system_architect) was due at 15 min; cto is next at 30 min
    await waitFor(() =>
      expect(
        within(escalation).getByTestId('role-system_architect'),
      ).toHaveTextContent('system-architect'),
    );
    expect(escalation).toHaveTextContent('step 2');
    expect(within(escalation).getByTestId('escalation-next')).toHaveTextContent(
      /Next: cto/,
    );
  });

  it('reloads when an incidents signal arrives', async () => {
    const api = new FakeIncidentsApi({
      list: { items: [incident({ id: 'INC-1' })] },
    });
    const { signals } = renderList(api);
    await screen.findByTestId('incident-INC-1');
    api.list = {
      items: [incident({ id: 'INC-1' }), incident({ id: 'INC-2' })],
    };
    signals.publish('incidents', { type: 'incident-changed', id: 'INC-2' });
    expect(
      await screen.findByTestId('incident-INC-2', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('passes the filters of the URL to the backend', async () => {
    const api = new FakeIncidentsApi();
    renderList(
      api,
      '/incidents?status=open&level=P2&entityRef=component:default/trading-api&q=latency',
    );
    await screen.findByText('No incidents');
    expect(api.listIncidents).toHaveBeenLastCalledWith({
      status: 'open',
      level: 'P2',
      entityRef: 'component:default/trading-api',
      q: 'latency',
    });
  });

  it('shows progress while loading', async () => {
    const api = new FakeIncidentsApi({ list: never() });
    renderList(api);
    // the page around the list is there, the list is loading
    await screen.findByTestId('incident-filters');
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByTestId('open-incidents')).toBeNull();
    expect(screen.queryByText('No incidents')).toBeNull();
  });

  it('shows an empty state with a way to open an incident', async () => {
    const api = new FakeIncidentsApi({ list: { items: [] } });
    renderList(api);
    expect(await screen.findByText('No incidents')).toBeInTheDocument();
    expect(
      screen.getAllByRole('button', { name: 'New incident' }).length,
    ).toBeGreaterThan(0);
  });

  it('shows the backend error', async () => {
    const api = new FakeIncidentsApi({
      list: await responseError(400, 'InputError', 'Invalid level P9'),
    });
    renderList(api);
    expect(await screen.findByText(/Invalid level P9/)).toBeInTheDocument();
  });
});
