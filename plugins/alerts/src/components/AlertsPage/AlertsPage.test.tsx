import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { AlertsPage } from './AlertsPage';
import { FakeAlertsApi } from '../../__testUtils__/fakes';
import {
  alertsResponse,
  cpuAlert,
  rulesResponse,
  silence,
  silencesResponse,
  sourceError,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

function renderPage(api: FakeAlertsApi, path = '/alerts') {
  return renderWithApis(<AlertsPage />, {
    api,
    mountPath: '/alerts/*',
    initialRouteEntries: [path],
  });
}

/** The alert names of the table's rows, in order. */
function rowNames(): string[] {
  return screen
    .queryAllByTestId(/^alert-fp-/)
    .map(cell => cell.textContent ?? '');
}

/** Replaces the text of an input, as pasting would (typing is slow). */
async function enter(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  await userEvent.click(input);
  await userEvent.paste(text);
}

/** The select of a filter above the table. */
function filter(label: string): HTMLElement {
  return within(screen.getByTestId('alert-filters')).getByRole('button', {
    name: new RegExp(`^${label}`),
  });
}

async function badRequest(message: string): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'InputError', message },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );
}

describe('AlertsPage alerts', () => {
  jest.setTimeout(60_000);

  it('shows counts by priority and every alert, by priority', async () => {
    const api = new FakeAlertsApi({
      alerts: alertsResponse,
      silences: silencesResponse,
    });
    renderPage(api);

    expect(await screen.findByText('Alerts (5)')).toBeInTheDocument();
    expect(screen.getByTestId('count-high')).toHaveTextContent('High 1');
    expect(screen.getByTestId('count-medium')).toHaveTextContent('Medium 2');
    expect(screen.getByTestId('count-low')).toHaveTextContent('Low 1');
    expect(screen.getByTestId('count-none')).toHaveTextContent('None 1');
    expect(rowNames()).toEqual([
      'NodeCpuUsageHigh',
      'DiskSpaceLow',
      'TradingApiLatencyHigh',
      'TradingApiErrorRate',
      'KafkaConsumerLag',
    ]);

    const cpuRow = screen
      .getByTestId('alert-fp-NodeCpuUsageHigh')
      .closest('tr')!;
    expect(within(cpuRow).getByText('High')).toBeInTheDocument();
    expect(within(cpuRow).getByText('Firing')).toBeInTheDocument();
    expect(
      within(cpuRow).getByText('CPU above 90% on general-1'),
    ).toBeInTheDocument();
    expect(within(cpuRow).getByText('25 minutes ago')).toBeInTheDocument();
    expect(
      within(cpuRow).getByRole('link', { name: /prod-eu-general/ }),
    ).toHaveAttribute('href', '/catalog/default/resource/prod-eu-general');
    // labels and receivers are behind a count
    const labels = within(cpuRow).getByLabelText(
      'Labels and receivers of NodeCpuUsageHigh',
    );
    expect(labels).toHaveTextContent('2 labels');
    expect(within(cpuRow).queryByText('node=general-1')).toBeNull();
    await userEvent.hover(labels);
    const tooltip = await screen.findByTestId('labels-fp-NodeCpuUsageHigh');
    expect(tooltip).toHaveTextContent('node=general-1');
    expect(tooltip).toHaveTextContent('devops-pager');

    // the silenced alert names its silence's creator
    expect(screen.getByTestId('silenced-by-s-1')).toHaveTextContent(
      'alice@example.com until',
    );
    const diskRow = screen.getByTestId('alert-fp-DiskSpaceLow').closest('tr')!;
    expect(within(diskRow).getByText('Silenced')).toBeInTheDocument();
    expect(screen.getByText('inhibited by 1 alert')).toBeInTheDocument();
    expect(screen.queryByTestId(/^source-error-/)).not.toBeInTheDocument();
  });

  it('shows a banner per source that is down and the alerts of the others', async () => {
    const api = new FakeAlertsApi({
      alerts: { ...alertsResponse, errors: [sourceError] },
    });
    renderPage(api);
    expect(
      await screen.findByTestId('source-error-alertmanager-dr'),
    ).toHaveTextContent(
      'Alertmanager alertmanager-dr is unavailable: connect ECONNREFUSED 10.0.0.9:9093',
    );
    expect(rowNames()).toHaveLength(5);
    // without the silences, a silence is shown by its id
    expect(screen.getByTestId('silenced-by-s-1')).toHaveTextContent('s-1');
  });

  it('narrows the rows with the filters, kept in the URL', async () => {
    const api = new FakeAlertsApi({ alerts: alertsResponse });
    renderPage(
      api,
      `/alerts?entityRef=${encodeURIComponent(
        'component:default/trading-api',
      )}`,
    );
    await screen.findByText('Alerts (2)');
    expect(rowNames()).toEqual([
      'TradingApiLatencyHigh',
      'TradingApiErrorRate',
    ]);
    // counts follow the other filters
    expect(screen.getByTestId('count-medium')).toHaveTextContent('Medium 1');
    expect(screen.getByTestId('count-high')).toHaveTextContent('High 0');

    await userEvent.click(filter('State'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Pending' }),
    );
    await waitFor(() => expect(rowNames()).toEqual(['TradingApiErrorRate']));

    await userEvent.click(filter('Entity'));
    await userEvent.click(await screen.findByRole('option', { name: 'All' }));
    await userEvent.click(filter('State'));
    await userEvent.click(await screen.findByRole('option', { name: 'All' }));
    await waitFor(() => expect(rowNames()).toHaveLength(5));

    await userEvent.click(filter('Receiver'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'devops-pager' }),
    );
    await waitFor(() =>
      expect(rowNames()).toEqual(['NodeCpuUsageHigh', 'DiskSpaceLow']),
    );

    // a priority chip filters by its priority
    await userEvent.click(screen.getByTestId('count-high'));
    await waitFor(() => expect(rowNames()).toEqual(['NodeCpuUsageHigh']));
    expect(api.getAlerts).toHaveBeenCalledWith();
  });

  it('says when nothing is active', async () => {
    renderPage(new FakeAlertsApi());
    expect(await screen.findByText('No active alerts')).toBeInTheDocument();
  });

  it('shows an error panel when the alerts cannot be loaded', async () => {
    renderPage(new FakeAlertsApi({ alerts: new Error('backend exploded') }));
    expect(
      (await screen.findAllByText(/backend exploded/)).length,
    ).toBeGreaterThan(0);
  });
});

describe('AlertsPage silence dialog', () => {
  // typing into dialogs over a large table is slow on a busy machine
  jest.setTimeout(60_000);

  it('posts the prefilled matchers, keeps the dialog open on a 400', async () => {
    const api = new FakeAlertsApi({
      alerts: alertsResponse,
      silences: silencesResponse,
      created: await badRequest(
        'Invalid matchers \'alertname="NodeCpuUsageHigh",node="general-1"\': nope',
      ),
    });
    renderPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Silence NodeCpuUsageHigh' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Silence NodeCpuUsageHigh'),
    ).toBeInTheDocument();
    const matchers = within(dialog).getByRole('textbox', { name: /Matchers/ });
    expect(matchers).toHaveValue(
      'alertname="NodeCpuUsageHigh",node="general-1"',
    );
    const submit = within(dialog).getByRole('button', { name: 'Silence' });
    // the comment is required
    expect(submit).toBeDisabled();

    await userEvent.click(within(dialog).getByRole('button', { name: '4h' }));
    expect(
      within(dialog).getByRole('textbox', { name: /Duration/ }),
    ).toHaveValue('4h');
    await enter(
      within(dialog).getByRole('textbox', { name: /Comment/ }),
      'Node drain in progress',
    );
    await userEvent.click(submit);

    expect(
      await within(dialog).findByTestId('silence-error'),
    ).toHaveTextContent(
      'Invalid matchers \'alertname="NodeCpuUsageHigh",node="general-1"\': nope',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(api.createSilence).toHaveBeenCalledWith({
      matchers: 'alertname="NodeCpuUsageHigh",node="general-1"',
      duration: '4h',
      comment: 'Node drain in progress',
    });

    // fixed and sent again: created, closed, reloaded
    api.created = { ...silence, id: 's-9' };
    await enter(matchers, 'alertname="NodeCpuUsageHigh"');
    const calls = api.getAlerts.mock.calls.length;
    await userEvent.click(submit);
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.createSilence).toHaveBeenLastCalledWith({
      matchers: 'alertname="NodeCpuUsageHigh"',
      duration: '4h',
      comment: 'Node drain in progress',
    });
    expect(
      await screen.findByText(/^Silenced until .* \(silence s-9\)$/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.getAlerts.mock.calls.length).toBeGreaterThan(calls),
    );
  });

  it('checks the duration before sending', async () => {
    const api = new FakeAlertsApi({ alerts: alertsResponse });
    renderPage(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Silence NodeCpuUsageHigh' }),
    );
    const dialog = await screen.findByRole('dialog');
    const duration = within(dialog).getByRole('textbox', { name: /Duration/ });
    await enter(duration, '2 hours');
    await enter(within(dialog).getByRole('textbox', { name: /Comment/ }), 'x');
    expect(within(dialog).getByText(/Invalid duration/)).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Silence' }),
    ).toBeDisabled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.createSilence).not.toHaveBeenCalled();
  });
});

describe('AlertsPage live updates', () => {
  it('reloads a second after an alerts signal', async () => {
    const api = new FakeAlertsApi({ alerts: alertsResponse });
    const { signals } = renderPage(api);
    await screen.findByText('Alerts (5)');
    expect(api.getAlerts).toHaveBeenCalledTimes(1);

    api.alerts = {
      alerts: [cpuAlert],
      counts: { high: 1, medium: 0, low: 0, none: 0 },
      errors: [],
    };
    act(() =>
      signals.publish('alerts', { type: 'alerts-changed', changed: 4 }),
    );
    expect(
      await screen.findByText('Alerts (1)', {}, { timeout: 3000 }),
    ).toBeInTheDocument();
    expect(api.getAlerts).toHaveBeenCalledTimes(2);
  });
});

describe('AlertsPage tabs', () => {
  jest.setTimeout(60_000);

  it('shows rules with their query, health and active alerts', async () => {
    const api = new FakeAlertsApi({ rules: rulesResponse });
    renderPage(api, '/alerts/rules');
    expect(
      await screen.findByText('Rules (2)', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    const row = screen.getByText('TradingApiBroken').closest('tr')!;
    expect(within(row).getByText('trading')).toBeInTheDocument();
    expect(within(row).getByText('Error')).toBeInTheDocument();
    expect(
      within(row).getByText('parse error: unexpected "["'),
    ).toBeInTheDocument();
    const cpu = screen.getByText('NodeCpuUsageHigh').closest('tr')!;
    expect(within(cpu).getByText('15 minutes')).toBeInTheDocument();
    expect(within(cpu).getByText(/node_cpu_seconds_total/)).toHaveStyle({
      fontFamily: 'monospace',
    });
    expect(within(cpu).getByText('Firing')).toBeInTheDocument();
    expect(api.getAlerts).not.toHaveBeenCalled();
  });

  it('switches to the silences tab', async () => {
    const api = new FakeAlertsApi({
      alerts: alertsResponse,
      silences: silencesResponse,
    });
    renderPage(api);
    await screen.findByText('Alerts (5)');
    await userEvent.click(screen.getByRole('tab', { name: 'Silences' }));
    expect(await screen.findByText('Silences (2)')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Silences' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
});
