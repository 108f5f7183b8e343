import { screen, waitFor, within } from '@testing-library/react';
import { OnCallView } from './OnCallView';
import { FakeIncidentsApi, never } from '../../__testUtils__/fakes';
import { responseError } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

describe('OnCallView', () => {
  jest.setTimeout(20_000);

  it('shows each level’s chain in order, resolved to catalog users with e-mail', async () => {
    renderWithApis(<OnCallView />, { api: new FakeIncidentsApi() });
    const p1 = await screen.findByTestId('chain-P1');
    const steps = within(p1).getAllByRole('listitem');
    expect(steps.map(s => s.textContent)).toEqual([
      expect.stringMatching(
        /^Step 1 · devops_lead: .*devops-lead.*notified at detection$/,
      ),
      expect.stringMatching(
        /^Step 2 · system_architect: .*notified at detection \+ 15 minutes$/,
      ),
      expect.stringMatching(
        /^Step 3 · cto: .*notified at detection \+ 30 minutes$/,
      ),
    ]);
    await waitFor(() =>
      expect(
        within(p1).getByRole('link', { name: 'cto@fdp.example' }),
      ).toHaveAttribute('href', 'mailto:cto@fdp.example'),
    );
    // a role nobody in the catalog holds is shown by its name
    expect(
      within(screen.getByTestId('chain-P2')).getByTestId('role-team_lead'),
    ).toHaveTextContent(/^team_lead$/);
  });

  it('shows progress, then the error of the levels', async () => {
    const { unmount } = renderWithApis(<OnCallView />, {
      api: new FakeIncidentsApi({ levels: never() }),
    });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    unmount();
    renderWithApis(<OnCallView />, {
      api: new FakeIncidentsApi({
        levels: await responseError(
          401,
          'AuthenticationError',
          'Sign in again',
        ),
      }),
    });
    expect(await screen.findByText(/Sign in again/)).toBeInTheDocument();
  });
});
