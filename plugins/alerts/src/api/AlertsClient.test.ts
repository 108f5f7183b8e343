import { ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  alertsResponse,
  rulesResponse,
  silence,
  silencesResponse,
} from '../__testUtils__/fixtures';
import { AlertsClient } from './AlertsClient';

const baseUrl = 'http://backstage.test/api/alerts';

describe('AlertsClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const requests: Array<{
    method: string;
    url: string;
    auth: string | null;
    body?: unknown;
  }> = [];
  const fetchApi = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, {
        ...init,
        headers: { ...(init?.headers as object), Authorization: 'Bearer t' },
      }),
  };
  const discoveryApi = { getBaseUrl: jest.fn(async () => baseUrl) };
  const client = new AlertsClient({ discoveryApi, fetchApi });

  beforeEach(() => {
    requests.length = 0;
    server.events.on('request:start', async ({ request }) => {
      const text = await request.clone().text();
      requests.push({
        method: request.method,
        url: request.url,
        auth: request.headers.get('authorization'),
        body: text ? JSON.parse(text) : undefined,
      });
    });
  });
  afterEach(() => server.events.removeAllListeners());

  it('gets alerts, rules and silences with the token from the fetch API', async () => {
    server.use(
      http.get(`${baseUrl}/alerts`, () => HttpResponse.json(alertsResponse)),
      http.get(`${baseUrl}/rules`, () => HttpResponse.json(rulesResponse)),
      http.get(`${baseUrl}/silences`, () =>
        HttpResponse.json(silencesResponse),
      ),
    );
    await expect(client.getAlerts()).resolves.toEqual(alertsResponse);
    await expect(client.getRules()).resolves.toEqual(rulesResponse);
    await expect(client.getSilences()).resolves.toEqual(silencesResponse);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('alerts');
    expect(requests).toEqual([
      { method: 'GET', url: `${baseUrl}/alerts`, auth: 'Bearer t' },
      { method: 'GET', url: `${baseUrl}/rules`, auth: 'Bearer t' },
      { method: 'GET', url: `${baseUrl}/silences`, auth: 'Bearer t' },
    ]);
  });

  it('passes the filters as query parameters', async () => {
    server.use(
      http.get(`${baseUrl}/alerts`, () => HttpResponse.json(alertsResponse)),
    );
    await client.getAlerts({
      entityRef: 'component:default/trading-api',
      priority: 'high',
      state: 'firing',
      receiver: 'team-trading',
    });
    await client.getAlerts({ priority: undefined, state: 'pending' });
    expect(requests.map(r => r.url)).toEqual([
      `${baseUrl}/alerts?entityRef=component%3Adefault%2Ftrading-api&priority=high&state=firing&receiver=team-trading`,
      `${baseUrl}/alerts?state=pending`,
    ]);
  });

  it('posts a silence and expires one', async () => {
    server.use(
      http.post(`${baseUrl}/silences`, () =>
        HttpResponse.json(silence, { status: 201 }),
      ),
      http.delete(
        `${baseUrl}/silences/:id`,
        () => new HttpResponse(null, { status: 204 }),
      ),
    );
    const request = {
      matchers: 'alertname="NodeCpuUsageHigh",node="general-1"',
      duration: '2h',
      comment: 'maintenance',
    };
    await expect(client.createSilence(request)).resolves.toEqual(silence);
    await expect(
      client.expireSilence('a/b c', 'alertmanager-main'),
    ).resolves.toBeUndefined();
    expect(requests).toEqual([
      {
        method: 'POST',
        url: `${baseUrl}/silences`,
        auth: 'Bearer t',
        body: request,
      },
      {
        method: 'DELETE',
        url: `${baseUrl}/silences/a%2Fb%20c?source=alertmanager-main`,
        auth: 'Bearer t',
      },
    ]);
  });

  it('throws a ResponseError with the backend message on 400', async () => {
    server.use(
      http.post(`${baseUrl}/silences`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: "Invalid duration '2x': use a number and a unit",
            },
            request: { method: 'POST', url: '/silences' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client
      .createSilence({
        matchers: 'alertname="X"',
        duration: '2x',
        comment: 'c',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(400);
    expect(error.body.error.name).toBe('InputError');
    expect(error.body.error.message).toBe(
      "Invalid duration '2x': use a number and a unit",
    );
  });

  it('throws a ResponseError on 403', async () => {
    server.use(
      http.delete(`${baseUrl}/silences/:id`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'Unauthorized' } },
          { status: 403 },
        ),
      ),
    );
    const error = await client.expireSilence('s1').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(403);
    expect(requests[0].url).toBe(`${baseUrl}/silences/s1`);
  });
});
