import { fuzzCases } from './fuzzInputs';
import { InventoryRoute, ROUTES, fillPath } from './routeInventory';

const ctx = { cluster: 'c1', silenceId: 's1', incidentId: 'i1' };
const route = (path: string, method = 'GET') =>
  ROUTES.find(r => r.path === path && r.method === method)!;

describe('fillPath', () => {
  it('puts values in as given, rest parameter included', () => {
    expect(fillPath('/a/:x/b/:y', { x: '%00', y: '..' })).toBe('/a/%00/b/..');
    expect(fillPath('/p/*', { '*': 'api/v1/pods' })).toBe('/p/api/v1/pods');
    expect(() => fillPath('/a/:x', {})).toThrow('no value for :x in /a/:x');
  });
});

describe('fuzzCases', () => {
  it('sends path parameters raw, with the route credentials and headers', () => {
    const cases = fuzzCases(route('/api/kubernetes/proxy/*'), ctx, 'Bearer t');
    const nul = cases.find(c => c.input === 'param *: NUL byte')!;
    expect(nul.path).toBe('/api/kubernetes/proxy/%00');
    expect(nul.headers).toEqual({
      authorization: 'Bearer t',
      'Backstage-Kubernetes-Cluster': 'c1',
    });
    // a route we do not own need only survive it
    expect(nul.expect).toBe('no-5xx');
    expect(cases.find(c => c.input === 'param *: 100 KB')!.expect).toBe(
      'header-limit',
    );
  });

  it('replaces each body field with values of another type only', () => {
    const cases = fuzzCases(
      route('/api/alerts/silences', 'POST'),
      ctx,
      'Bearer t',
    );
    const inputs = cases.map(c => c.input);
    expect(inputs).toContain('body.matchers[0].isRegex: number');
    expect(inputs).not.toContain('body.matchers[0].isRegex: boolean');
    expect(inputs).toContain('body.comment: NUL bytes');
    expect(inputs).toContain('body.comment: number');
    expect(inputs).not.toContain('body.matchers: array');
    expect(inputs).toContain('body.duration: object nested 10,000 levels');
    const deep = cases.find(
      c => c.input === 'body: array nested 10,000 levels instead of an object',
    )!;
    expect(deep.body!.startsWith('['.repeat(10_000))).toBe(true);
    expect(deep.expect).toBe('4xx');
    const unknown = cases.find(c => c.input === 'body: unknown key')!;
    expect(JSON.parse(unknown.body!)).toMatchObject({ nope: 1 });
  });

  it('expects unknown query parameters refused only where the route reads a query', () => {
    const expectOf = (r: InventoryRoute) =>
      fuzzCases(r, ctx, 'Bearer t').find(
        c => c.input === 'unknown query parameter',
      )!.expect;
    expect(expectOf(route('/api/alerts/alerts'))).toBe('4xx');
    expect(expectOf(route('/api/alerts/rules'))).toBe('no-5xx');
  });
});
