import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SilenceDialog } from './SilenceDialog';
import { FakeAlertsApi } from '../../__testUtils__/fakes';
import { silence } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

describe('SilenceDialog', () => {
  jest.setTimeout(60_000);

  it('lets the user pick the Alertmanager when there are several', async () => {
    const api = new FakeAlertsApi({ created: silence });
    const onCreated = jest.fn();
    renderWithApis(
      <SilenceDialog
        open
        initialMatchers='service="trading-api"'
        sources={['am-eu', 'am-us']}
        initialSource="am-us"
        onClose={jest.fn()}
        onCreated={onCreated}
      />,
      { api },
    );
    expect(await screen.findByText('New silence')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '2h' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await userEvent.click(screen.getByRole('button', { name: '1d' }));
    await userEvent.click(screen.getByRole('textbox', { name: /Comment/ }));
    await userEvent.paste('Migration');
    await userEvent.click(screen.getByRole('button', { name: 'Silence' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(silence));
    expect(api.createSilence).toHaveBeenCalledWith({
      matchers: 'service="trading-api"',
      duration: '1d',
      comment: 'Migration',
      source: 'am-us',
    });
  });
});
