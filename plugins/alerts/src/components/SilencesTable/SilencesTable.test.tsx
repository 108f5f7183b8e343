import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { TestApiProvider, mockApis } from '@backstage/frontend-test-utils';
import { SilencesTable } from './SilencesTable';
import { SilenceCountdown } from './SilenceCountdown';
import { FakeAlertsApi } from '../../__testUtils__/fakes';
import {
  expiredSilence,
  silence,
  silencesResponse,
  sourceError,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

function renderTable(api: FakeAlertsApi) {
  return renderWithApis(<SilencesTable />, { api });
}

describe('SilencesTable', () => {
  jest.setTimeout(60_000);

  it('lists active and pending silences with a countdown, expired on demand', async () => {
    const api = new FakeAlertsApi({ silences: silencesResponse });
    renderTable(api);

    expect(await screen.findByText('Silences (2)')).toBeInTheDocument();
    const row = screen.getByTestId('silence-s-1').closest('tr')!;
    expect(
      within(row).getByText('alertname="DiskSpaceLow",node=~"general-.*"'),
    ).toBeInTheDocument();
    expect(within(row).getByText('alice@example.com')).toBeInTheDocument();
    expect(
      within(row).getByText('Disk resize in progress'),
    ).toBeInTheDocument();
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(within(row).getByTestId('countdown-s-1')).toHaveTextContent(
      'expires in 2 hours',
    );
    expect(screen.getByTestId('countdown-s-2')).toHaveTextContent(
      /^starts in 1 hour$/,
    );
    expect(screen.queryByTestId('silence-s-3')).not.toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Show expired (1)'));
    expect(await screen.findByText('Silences (3)')).toBeInTheDocument();
    const expired = screen.getByTestId('silence-s-3').closest('tr')!;
    expect(within(expired).getByText('expired')).toBeInTheDocument();
    expect(
      within(expired).queryByRole('button', { name: /Expire/ }),
    ).toBeNull();
  });

  it('expires a silence after confirmation and reloads', async () => {
    const api = new FakeAlertsApi({ silences: silencesResponse });
    renderTable(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Expire silence s-1' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Expire silence?');
    expect(dialog).toHaveTextContent('alice@example.com');
    expect(api.expireSilence).not.toHaveBeenCalled();

    api.silences = { silences: [expiredSilence], errors: [] };
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Expire' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.expireSilence).toHaveBeenCalledWith('s-1', 'alertmanager-main');
    expect(await screen.findByText('Silence s-1 expired')).toBeInTheDocument();
    expect(await screen.findByText('Silences (0)')).toBeInTheDocument();
    expect(api.getSilences).toHaveBeenCalledTimes(2);
  });

  it('shows why expiring failed in the dialog', async () => {
    const forbidden = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'NotAllowedError', message: 'Unauthorized' },
          request: { method: 'DELETE', url: '/silences/s-2' },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'Content-Type': 'application/json' } },
      ) as any,
    );
    const api = new FakeAlertsApi({
      silences: silencesResponse,
      expired: forbidden,
    });
    renderTable(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Expire silence s-2' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Expire' }),
    );
    expect(await within(dialog).findByTestId('expire-error')).toHaveTextContent(
      'Not allowed: Unauthorized',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('shows an Alertmanager that is down and the silences of the others', async () => {
    const api = new FakeAlertsApi({
      silences: { silences: [silence], errors: [sourceError] },
    });
    renderTable(api);
    expect(
      await screen.findByTestId('source-error-alertmanager-dr'),
    ).toHaveTextContent('alertmanager-dr is unavailable');
    expect(screen.getByText('Silences (1)')).toBeInTheDocument();
  });
});

describe('SilenceCountdown', () => {
  afterEach(() => jest.useRealTimers());

  it('counts down every second', () => {
    jest.useFakeTimers();
    const endsAt = Date.now() + 2 * 3_600_000 + 1_000;
    render(
      <TestApiProvider apis={[mockApis.translation(), mockApis.error()]}>
        <SilenceCountdown
          silence={{ ...silence, endsAt: new Date(endsAt).toISOString() }}
        />
      </TestApiProvider>,
    );
    const countdown = screen.getByTestId('countdown-s-1');
    expect(countdown).toHaveTextContent('expires in 2 hours');
    act(() => {
      jest.advanceTimersByTime(61_000);
    });
    expect(countdown).toHaveTextContent('expires in 1 hour, 59 minutes');
    act(() => {
      jest.advanceTimersByTime(2 * 3_600_000 - 121_000);
    });
    expect(countdown).toHaveTextContent('expires in 1 minute');
    act(() => {
      jest.advanceTimersByTime(31_000);
    });
    expect(countdown).toHaveTextContent('expires in 30 seconds');
    act(() => {
      jest.advanceTimersByTime(31_000);
    });
    expect(countdown).toHaveTextContent('expired');
  });
});
