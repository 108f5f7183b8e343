import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AlertsPage } from '../AlertsPage';
import { FakeAlertsApi } from '../../__testUtils__/fakes';
import { alertsResponse, silencesResponse } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

// In a file of its own: the permission hook caches answers per permission.
describe('silence buttons without the permissions', () => {
  jest.setTimeout(60_000);

  it('are disabled, as the permission framework answers, with a tooltip saying why', async () => {
    const api = new FakeAlertsApi({
      alerts: alertsResponse,
      silences: silencesResponse,
    });
    renderWithApis(<AlertsPage />, {
      api,
      denied: true,
      mountPath: '/alerts/*',
      initialRouteEntries: ['/alerts'],
    });

    const button = await screen.findByRole('button', {
      name: 'Silence NodeCpuUsageHigh',
    });
    await waitFor(() => expect(button).toBeDisabled());
    const wrappers = screen.getAllByTestId('permission-denied');
    expect(wrappers).toHaveLength(5);
    await userEvent.hover(wrappers[0]);
    expect(
      await screen.findByText('You are not allowed to silence alerts'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Silences' }));
    const expire = await screen.findByRole('button', {
      name: 'Expire silence s-1',
    });
    await waitFor(() => expect(expire).toBeDisabled());
    expect(screen.getByRole('button', { name: 'New silence' })).toBeDisabled();
    expect(api.createSilence).not.toHaveBeenCalled();
    expect(api.expireSilence).not.toHaveBeenCalled();
  });
});
