import { ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DEFAULT_LEVELS } from '@fdp/plugin-incidents-common';
import { incident } from '../__testUtils__/fixtures';
import { IncidentsClient } from './IncidentsClient';

const baseUrl = 'http://backstage.test/api/incidents';

describe('IncidentsClient', () => {
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
  const client = new IncidentsClient({ discoveryApi, fetchApi });

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

  it('reads levels, a filtered page, one incident and stats', async () => {
    const inc = incident({ id: 'INC-1' });
    server.use(
      http.get(`${baseUrl}/levels`, () =>
        HttpResponse.json({ levels: DEFAULT_LEVELS }),
      ),
      http.get(`${baseUrl}/incidents`, () =>
        HttpResponse.json({ items: [inc], nextCursor: 'c2' }),
      ),
      http.get(`${baseUrl}/incidents/INC-1`, () =>
        HttpResponse.json({ incident: inc, timeline: [] }),
      ),
      http.get(`${baseUrl}/stats`, () => HttpResponse.json({ window: '7d' })),
    );
    await expect(client.getLevels()).resolves.toEqual({
      levels: DEFAULT_LEVELS,
    });
    await expect(
      client.listIncidents({
        status: 'open',
        entityRef: 'component:default/trading-api',
        cursor: 'c1',
      }),
    ).resolves.toEqual({ items: [inc], nextCursor: 'c2' });
    await expect(client.getIncident('INC-1')).resolves.toEqual({
      incident: inc,
      timeline: [],
    });
    await expect(client.getStats('7d')).resolves.toEqual({ window: '7d' });
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('incidents');
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual([
      `GET ${baseUrl}/levels`,
      `GET ${baseUrl}/incidents?status=open&entityRef=component%3Adefault%2Ftrading-api&cursor=c1`,
      `GET ${baseUrl}/incidents/INC-1`,
      `GET ${baseUrl}/stats?window=7d`,
    ]);
    expect(requests.every(r => r.auth === 'Bearer t')).toBe(true);
  });

  it('sends creates, updates, moves and notes as JSON', async () => {
    const inc = incident({ id: 'INC-1' });
    server.use(
      http.post(`${baseUrl}/incidents`, () =>
        HttpResponse.json(inc, { status: 201 }),
      ),
      http.patch(`${baseUrl}/incidents/INC-1`, () => HttpResponse.json(inc)),
      http.post(`${baseUrl}/incidents/INC-1/transitions`, () =>
        HttpResponse.json(inc),
      ),
      http.post(`${baseUrl}/incidents/INC-1/notes`, () =>
        HttpResponse.json({ id: 'e1' }, { status: 201 }),
      ),
    );
    await client.createIncident({ title: 'down', level: 'P1' });
    await client.updateIncident('INC-1', { version: 2, owner: null });
    await client.transition('INC-1', { to: 'responding', note: 'on it' });
    await client.addNote('INC-1', 'looking');
    expect(
      requests.map(r => [r.method, r.url.replace(baseUrl, ''), r.body]),
    ).toEqual([
      ['POST', '/incidents', { title: 'down', level: 'P1' }],
      ['PATCH', '/incidents/INC-1', { version: 2, owner: null }],
      [
        'POST',
        '/incidents/INC-1/transitions',
        { to: 'responding', note: 'on it' },
      ],
      ['POST', '/incidents/INC-1/notes', { text: 'looking' }],
    ]);
  });

  it('rejects with a ResponseError carrying the backend body, e.g. a 409', async () => {
    server.use(
      http.patch(`${baseUrl}/incidents/INC-1`, () =>
        HttpResponse.json(
          {
            error: { name: 'ConflictError', message: 'Stale version 1' },
            response: { statusCode: 409 },
            currentVersion: 2,
          },
          { status: 409 },
        ),
      ),
    );
    const error = await client
      .updateIncident('INC-1', { version: 1, title: 'x' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(409);
    expect(error.body.error.message).toBe('Stale version 1');
  });
});
