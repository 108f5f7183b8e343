import { InventoryContext, InventoryRoute, fillPath } from './routeInventory';

/** One malformed request against one route. */
export interface FuzzCase {
  /** what is wrong with it, e.g. `param cluster: NUL byte` */
  input: string;
  method: string;
  /** raw path and query, sent as is (no URL normalisation) */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /**
   * `4xx`: malformed, must be refused. `no-5xx`: odd but possibly valid (an
   * empty string, a literal `%zz`, a parameter the query parser drops), any
   * answer but a 5xx will do. `header-limit`: past Node's 16 KB header
   * limit, refused by the HTTP server itself (431 or a closed connection).
   */
  expect: Expectation;
}

export type Expectation = '4xx' | 'no-5xx' | 'header-limit';

const MB = 1024 * 1024;

/** Path parameter values (already percent-encoded where needed). */
const PARAM_VALUES: Record<string, string> = {
  'unknown, well-formed': '00000000-0000-4000-8000-000000000000',
  'NUL byte': '%00',
  'NUL inside': 'general%00x',
  'dot-dot': '..',
  'encoded dot-dot': '%2e%2e',
  traversal: '..%2f..%2f..%2fetc%2fpasswd',
  'lone percent': '%',
  'bad percent-encoding': '%zz',
  'right-to-left override': '%E2%80%AE',
  markup: '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '8 KB': 'a'.repeat(8 * 1024),
};
const BEYOND_HEADER_LIMIT = 'a'.repeat(100 * 1024);

/** Query values for a parameter `k` the route reads: `k=...` pieces. */
const QUERY_VALUES: Record<string, (k: string) => string> = {
  'repeated (array)': k => `${k}=a&${k}=b`,
  object: k => `${k}[a]=b`,
  'NUL byte': k => `${k}=%00`,
  '8 KB': k => `${k}=${'a'.repeat(8 * 1024)}`,
  'nested 2,000 levels': k => `${k}${'[a]'.repeat(2000)}=1`,
};

const nested = (depth: number, leaf: string, open: string, close: string) =>
  `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;

/** Values that replace one field of a valid JSON body, as JSON text. */
const FIELD_VALUES: Record<string, string> = {
  number: '12345',
  boolean: 'true',
  null: 'null',
  object: '{"a":1}',
  array: '["a"]',
  'NUL bytes': JSON.stringify('a\u0000b\u0000'),
  '1 MB string': JSON.stringify('x'.repeat(MB)),
  '64 KB string': JSON.stringify('x'.repeat(64 * 1024)),
  'object nested 10,000 levels': nested(10_000, '1', '{"a":', '}'),
  'array nested 10,000 levels': nested(10_000, '1', '[', ']'),
};

const withQuery = (path: string, query: string[]) =>
  query.length ? `${path}?${query.join('&')}` : path;

const encodeQuery = (q: Record<string, string>) =>
  Object.entries(q).map(
    ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
  );

/** Every malformed input the inventory tries on `route`. */
export function fuzzCases(
  route: InventoryRoute,
  ctx: InventoryContext,
  authorization: string,
): FuzzCase[] {
  const params = route.params?.(ctx) ?? {};
  const query = route.query ?? {};
  const body = route.body?.(ctx);
  const headers = {
    authorization,
    ...route.headers?.(ctx),
    ...(body ? { 'content-type': 'application/json' } : {}),
  };
  const validBody = body ? JSON.stringify(body) : undefined;
  const validPath = fillPath(route.path, params);
  const cases: FuzzCase[] = [];
  // routes we do not own need only survive malformed input
  const refused = route.input === 'strict' ? '4xx' : 'no-5xx';
  const add = (c: Omit<FuzzCase, 'method' | 'headers'> & Partial<FuzzCase>) =>
    cases.push({
      method: route.method,
      headers,
      ...c,
      expect: c.expect === '4xx' ? refused : c.expect,
    });

  const withParam = (name: string, value: string) =>
    withQuery(
      fillPath(route.path, { ...params, [name]: value }),
      encodeQuery(query),
    );
  for (const name of Object.keys(params)) {
    for (const [what, value] of Object.entries(PARAM_VALUES)) {
      add({
        input: `param ${name}: ${what}`,
        path: withParam(name, value),
        body: validBody,
        expect: '4xx',
      });
    }
    add({
      input: `param ${name}: 100 KB`,
      path: withParam(name, BEYOND_HEADER_LIMIT),
      body: validBody,
      expect: 'header-limit',
    });
  }

  const reads = Object.keys(query).length > 0;
  add({
    input: 'unknown query parameter',
    path: withQuery(validPath, [...encodeQuery(query), 'nope=1']),
    body: validBody,
    expect: reads ? '4xx' : 'no-5xx',
  });
  // the query parser drops these keys: the request must still be served
  for (const piece of [
    '__proto__[polluted]=1',
    'constructor[prototype][polluted]=1',
  ]) {
    add({
      input: `query ${piece.split('=')[0]}`,
      path: withQuery(validPath, [...encodeQuery(query), piece]),
      body: validBody,
      expect: 'no-5xx',
    });
  }
  for (const key of Object.keys(query)) {
    const others = encodeQuery(
      Object.fromEntries(Object.entries(query).filter(([k]) => k !== key)),
    );
    const queryCase = (what: string, piece: string, expect: Expectation) =>
      add({
        input: `query ${key}: ${what}`,
        path: withQuery(validPath, [...others, piece]),
        body: validBody,
        expect,
      });
    for (const [what, piece] of Object.entries(QUERY_VALUES)) {
      queryCase(what, piece(key), '4xx');
    }
    // a literal "%zz" may be a valid free-text value
    queryCase('bad percent-encoding', `${key}=%zz`, 'no-5xx');
    queryCase(
      'nested 10,000 levels',
      `${key}${'[a]'.repeat(10_000)}=1`,
      'header-limit',
    );
  }

  if (body) {
    const bodyCase = (input: string, text: string, extra = {}) =>
      add({
        input,
        path: withQuery(validPath, encodeQuery(query)),
        body: text,
        expect: '4xx',
        ...extra,
      });
    bodyCase('body: bad JSON', validBody!.slice(0, -1));
    bodyCase('body: JSON sent as text/plain', validBody!, {
      headers: { ...headers, 'content-type': 'text/plain' },
    });
    bodyCase('body: empty', '');
    for (const [what, text] of Object.entries({
      array: '[]',
      string: '"x"',
      number: '1',
      null: 'null',
      '1 MB string': JSON.stringify('x'.repeat(MB)),
      'object nested 10,000 levels': nested(10_000, '1', '{"a":', '}'),
      'array nested 10,000 levels': nested(10_000, '1', '[', ']'),
    })) {
      bodyCase(`body: ${what} instead of an object`, text);
    }
    bodyCase('body: unknown key', JSON.stringify({ ...body, nope: 1 }));
    bodyCase(
      'body: __proto__ key',
      `{"__proto__":{"polluted":1},${validBody!.slice(1)}`,
    );
    for (const [field, value] of Object.entries(body)) {
      for (const [what, text] of wrongValues(value)) {
        bodyCase(`body.${field}: ${what}`, replaceField(body, field, text));
      }
      // may be valid (an empty matcher value), must not break anything
      bodyCase(`body.${field}: empty string`, replaceField(body, field, '""'), {
        expect: 'no-5xx',
      });
      // the first element of a list of objects, field by field
      if (Array.isArray(value) && typeof value[0] === 'object') {
        for (const inner of Object.keys(value[0])) {
          for (const [what, text] of wrongValues(value[0][inner])) {
            const element = JSON.stringify(value[0]).replace(
              `${JSON.stringify(inner)}:${JSON.stringify(value[0][inner])}`,
              `${JSON.stringify(inner)}:${text}`,
            );
            bodyCase(
              `body.${field}[0].${inner}: ${what}`,
              replaceField(
                body,
                field,
                `[${[element, ...value.slice(1).map(v => JSON.stringify(v))]}]`,
              ),
            );
          }
        }
      }
    }
  }
  return cases;
}

/**
 * FIELD_VALUES less those of the valid value's own JSON type (`true` is no
 * wrong value for a boolean); strings stay for string fields (NUL, huge).
 */
function wrongValues(valid: unknown): [string, string][] {
  const type = (v: unknown) => {
    if (v === null) return 'null';
    return Array.isArray(v) ? 'array' : typeof v;
  };
  return Object.entries(FIELD_VALUES).filter(([, text]) => {
    const t = type(JSON.parse(text));
    return t !== type(valid) || t === 'string';
  });
}

/** The valid body with one top-level field's JSON replaced by `text`. */
function replaceField(
  body: Record<string, unknown>,
  field: string,
  text: string,
): string {
  const rest = JSON.stringify({ ...body, [field]: undefined });
  return rest === '{}'
    ? `{${JSON.stringify(field)}:${text}}`
    : `{${JSON.stringify(field)}:${text},${rest.slice(1)}`;
}
