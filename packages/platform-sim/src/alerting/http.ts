/**
 * HTTP routes of the simulated Prometheus (`/api/v1/rules`, `/api/v1/alerts`, `/api/v1/query`,
 * `/api/v1/status/buildinfo`) and Alertmanager (`/api/v2/...`). No bearer token, like default
 * real servers. Bodies and error formats follow Prometheus 2.42 and Alertmanager 0.25.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/body';
import type { Alerting } from './Alerting';
import { AlertmanagerError, AlertQuery } from './alertmanager';
import { PromQLError } from './matchers';
import { instantQuery } from './promQuery';

const PROM_PATHS = new Set([
  '/api/v1/rules',
  '/api/v1/alerts',
  '/api/v1/query',
  '/api/v1/status/buildinfo',
]);

/** Whether a path belongs to the simulated Prometheus or Alertmanager. */
export function isAlertingPath(path: string): boolean {
  return (
    PROM_PATHS.has(path) || path === '/api/v2' || path.startsWith('/api/v2/')
  );
}

function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  newline = false,
  headers: Record<string, string> = {},
): void {
  const text = `${JSON.stringify(body)}${newline ? '\n' : ''}`;
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function sendEmpty(res: ServerResponse, code: number): void {
  res.writeHead(code, { 'Content-Length': 0 });
  res.end();
}

function promError(res: ServerResponse, code: number, error: string): void {
  sendJson(res, code, { status: 'error', errorType: 'bad_data', error });
}

function methodNotAllowedText(res: ServerResponse, allow: string): void {
  const text = 'Method Not Allowed\n';
  res.writeHead(405, {
    Allow: allow,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

const TRUE_VALUES = new Set([
  'true',
  '1',
  'yes',
  'ok',
  'y',
  'on',
  'selected',
  'checked',
  't',
  'enabled',
]);

/** go-openapi's boolean parameters: a few words are true, anything else false. */
function boolParam(q: URLSearchParams, name: string): boolean | undefined {
  const v = q.get(name);
  if (v === null) return undefined;
  return TRUE_VALUES.has(v.toLowerCase());
}

function parsePromTime(v: string): number | undefined {
  if (/^[+-]?\d+(\.\d+)?$/.test(v)) return Number(v);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t / 1000;
}

const UUID_RE =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function handleProm(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  method: string,
  alerting: Alerting,
  nowMs: number,
): Promise<void> {
  const path = url.pathname;
  if (path === '/api/v1/query') {
    if (method !== 'GET' && method !== 'POST') {
      methodNotAllowedText(res, 'GET, OPTIONS, POST');
      return;
    }
    const params = new URLSearchParams(url.search);
    if (method === 'POST') {
      const ct = String(req.headers['content-type'] ?? '');
      const body = await readBody(req);
      if (ct.includes('application/x-www-form-urlencoded'))
        for (const [k, v] of new URLSearchParams(body)) params.append(k, v);
    }
    let time = nowMs / 1000;
    const timeParam = params.get('time');
    if (timeParam) {
      const t = parsePromTime(timeParam);
      if (t === undefined) {
        promError(
          res,
          400,
          `invalid parameter "time": Invalid time value for 'time': cannot parse "${timeParam}" to a valid timestamp`,
        );
        return;
      }
      time = t;
    }
    try {
      const data = instantQuery(
        params.get('query') ?? '',
        () => alerting.querySeries(),
        Math.round(time * 1000) / 1000,
      );
      sendJson(res, 200, { status: 'success', data });
    } catch (e) {
      if (e instanceof PromQLError) {
        promError(res, 400, `invalid parameter "query": ${e.message}`);
        return;
      }
      throw e;
    }
    return;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    methodNotAllowedText(res, 'GET, OPTIONS');
    return;
  }
  if (path === '/api/v1/rules') {
    const type = url.searchParams.get('type');
    if (type && type !== 'alert' && type !== 'record') {
      promError(
        res,
        400,
        `invalid parameter "type": not supported value "${type}"`,
      );
      return;
    }
    sendJson(res, 200, {
      status: 'success',
      data: alerting.engine.rules((type || undefined) as any),
    });
    return;
  }
  if (path === '/api/v1/alerts') {
    sendJson(res, 200, {
      status: 'success',
      data: { alerts: alerting.engine.alerts() },
    });
    return;
  }
  sendJson(res, 200, {
    status: 'success',
    data: {
      version: '2.42.0',
      revision: 'platform-sim',
      branch: 'platform-sim',
      buildUser: 'platform-sim',
      buildDate: '',
      goVersion: '',
    },
  });
}

function amMethodNotAllowed(
  res: ServerResponse,
  method: string,
  allowed: string[],
): void {
  sendJson(
    res,
    405,
    {
      code: 405,
      message: `method ${method} is not allowed, but [${allowed.join(
        ',',
      )}] are`,
    },
    true,
    { Allow: allowed.join(',') },
  );
}

async function readJson(req: IncomingMessage, what: string): Promise<unknown> {
  const text = await readBody(req);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AlertmanagerError(400, {
      code: 400,
      message: `parsing ${what} body from "" failed, because ${
        (e as Error).message
      }`,
    });
  }
}

async function handleAm(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  method: string,
  alerting: Alerting,
): Promise<void> {
  const am = alerting.alertmanager;
  const path = url.pathname.replace(/\/+$/, '');
  const q = url.searchParams;
  const only = (...allowed: string[]) => {
    if (allowed.includes(method)) return true;
    amMethodNotAllowed(res, method, allowed);
    return false;
  };
  try {
    if (path === '/api/v2/status') {
      if (only('GET')) sendJson(res, 200, am.status(), true);
      return;
    }
    if (path === '/api/v2/receivers') {
      if (only('GET')) sendJson(res, 200, am.receivers(), true);
      return;
    }
    if (path === '/api/v2/alerts') {
      if (!only('GET', 'POST')) return;
      if (method === 'GET') {
        const query: AlertQuery = {
          filter: q.getAll('filter'),
          receiver: q.get('receiver') ?? undefined,
          active: boolParam(q, 'active'),
          silenced: boolParam(q, 'silenced'),
          inhibited: boolParam(q, 'inhibited'),
          unprocessed: boolParam(q, 'unprocessed'),
        };
        sendJson(res, 200, am.alerts(query), true);
        return;
      }
      const body = await readJson(req, 'alerts');
      if (!Array.isArray(body))
        throw new AlertmanagerError(400, {
          code: 400,
          message:
            'parsing alerts body from "" failed, because json: cannot unmarshal object into Go value of type models.PostableAlerts',
        });
      body.forEach((a: any, i: number) => {
        if (!a || typeof a !== 'object' || !a.labels)
          throw new AlertmanagerError(422, {
            code: 602,
            message: `${i}.labels in body is required`,
          });
      });
      const errors = am.receive(body);
      if (errors.length) throw new AlertmanagerError(400, errors.join('; '));
      sendEmpty(res, 200);
      return;
    }
    if (path === '/api/v2/silences') {
      if (!only('GET', 'POST')) return;
      if (method === 'GET') {
        sendJson(res, 200, am.silences(q.getAll('filter')), true);
        return;
      }
      const id = am.addSilence(await readJson(req, 'silence'));
      sendJson(res, 200, { silenceID: id }, true);
      return;
    }
    const m = /^\/api\/v2\/silence\/([^/]+)$/.exec(path);
    if (m) {
      if (!only('GET', 'DELETE')) return;
      const id = decodeURIComponent(m[1]);
      if (!UUID_RE.test(id))
        throw new AlertmanagerError(422, {
          code: 601,
          message: `silenceID in path must be of type uuid: ${JSON.stringify(
            id,
          )}`,
        });
      if (method === 'GET') {
        const s = am.silence(id);
        if (s) sendJson(res, 200, s, true);
        else sendEmpty(res, 404);
        return;
      }
      // Alertmanager 0.25 answers an unknown ID with 500 "silence not found"
      if (!am.expireSilence(id))
        throw new AlertmanagerError(500, 'silence not found');
      sendEmpty(res, 200);
      return;
    }
    sendJson(
      res,
      404,
      { code: 404, message: `path ${url.pathname} was not found` },
      true,
    );
  } catch (e) {
    if (e instanceof AlertmanagerError) {
      sendJson(res, e.status, e.body, true);
      return;
    }
    throw e;
  }
}

/** Serves a Prometheus or Alertmanager request (see {@link isAlertingPath}). */
export async function handleAlertingRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  method: string,
  alerting: Alerting,
  nowMs: number,
): Promise<void> {
  if (url.pathname.startsWith('/api/v2'))
    await handleAm(req, res, url, method, alerting);
  else await handleProm(req, res, url, method, alerting, nowMs);
}
