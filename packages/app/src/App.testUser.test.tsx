import { render, screen, waitFor } from '@testing-library/react';
import App from './App';
import { TEST_USER_STORAGE_KEY } from './modules/signIn/signInModule';

function withConfig() {
  process.env = {
    NODE_ENV: 'test',
    APP_CONFIG: [
      {
        data: {
          app: { title: 'FDP Operations Portal' },
          backend: { baseUrl: 'http://localhost:7007' },
        },
        context: 'test',
      },
    ] as any,
  };
}

describe('App with a test user in localStorage', () => {
  const realFetch = global.fetch;
  let fetchMock: jest.Mock;
  beforeEach(() => {
    fetchMock = jest.fn(async () => new Response('{}', { status: 401 }));
    global.fetch = fetchMock;
    window.localStorage.setItem(TEST_USER_STORAGE_KEY, 'team-lead');
  });
  afterEach(() => {
    global.fetch = realFetch;
    window.localStorage.clear();
  });

  it('signs in as that catalog user through the test-user provider in development', async () => {
    withConfig();
    render(App.createRoot());
    await waitFor(
      () =>
        expect(fetchMock).toHaveBeenCalledWith(
          'http://localhost:7007/api/auth/test-user/refresh',
          expect.anything(),
        ),
      { timeout: 10_000 },
    );
    const init = fetchMock.mock.calls.find(([url]) =>
      String(url).endsWith('/test-user/refresh'),
    )![1] as RequestInit;
    expect(new Headers(init.headers).get('x-fdp-test-user')).toBe('team-lead');
    expect(
      screen.queryByRole('button', { name: 'Enter' }),
    ).not.toBeInTheDocument();
  });
});
