import { render, screen } from '@testing-library/react';
import App from './App';
import { TEST_USER_STORAGE_KEY } from './modules/signIn/signInModule';

describe('App in production', () => {
  it('offers the OIDC provider, not guest or test-user sign-in', async () => {
    window.localStorage.setItem(TEST_USER_STORAGE_KEY, 'devops-lead');
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'FDP Operations Portal' },
            backend: { baseUrl: 'http://localhost:7007' },
            auth: { environment: 'production' },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    expect(
      await screen.findByText('Company SSO', undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Enter' }),
    ).not.toBeInTheDocument();
  });
});
