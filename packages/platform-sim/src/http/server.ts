/** The HTTP front: authentication, routing, Status errors, request accounting. */
import http, { IncomingMessage, ServerResponse } from 'node:http';
import { URL } from 'node:url';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  versionInfo,
} from '../api/discovery';
import { openApiV3GroupVersion, openApiV3Root } from '../api/openapi';
import { ApiError, badRequest, statusBody } from '../api/status';
import {
  checkFieldSelector,
  parseFieldSelector,
  parseLabelSelector,
} from '../api/selectors';
import { resourceKey } from '../api/resources';
import { tableFor, wantsTable } from '../api/table';
import { mergePatch, strategicMergePatch } from '../api/patch';
import { WriteOptions } from '../api/operations';
import { renderMetrics, PROMETHEUS_CONTENT_TYPE } from '../metrics/prometheus';
import {
  listNodeMetrics,
  listPodMetrics,
  nodeMetrics,
  podMetrics,
  statsSummary,
} from '../metrics/metricsApi';
import type { Simulation } from '../sim/Simulation';
import {
  checkWriteContentType,
  decodeBody,
  mediaType,
  patchTypeOf,
  readBody,
} from './body';
import { selectPage, streamList } from './list';
import { notFoundPath, parseResourcePath, ResourcePath } from './paths';
import { RequestStats } from './stats';
import { startWatch, WatchRegistry } from './watch';
import { handleSimControl } from './simControl';
import type { Alerting } from '../alerting/Alerting';
import { handleAlertingRequest, isAlertingPath } from '../alerting/http';

/** Options of {@link createApiServer}. */
export interface ApiServerOptions {
  /** Milliseconds between BOOKMARK events on watches that allow them. */
  bookmarkIntervalMs: number;
  /** Emit per-pod series on /metrics (disable for very large scenarios). */
  perPodMetrics: boolean;
  /** Simulated Prometheus and Alertmanager APIs (no token needed). */
  alerting?: Alerting;
}

export interface ApiServer {
  server: http.Server;
  /** The request listener (shared by the HTTP and HTTPS servers). */
  handler: http.RequestListener;
  stats: RequestStats;
  watches: WatchRegistry;
  /** When set, API requests get 503 (simulated outage). */
  setOutage(on: boolean): void;
  /** Replaces the bearer token requests need; open watches end. */
  setToken(token: string): void;
}

const PUBLIC_PATHS = new Set([
  '/healthz',
  '/readyz',
  '/livez',
  '/metrics',
  '/sim/stats',
]);

function send(
  res: ServerResponse,
  code: number,
  body: unknown,
  contentType = 'application/json',
): void {
  if (res.headersSent) {
    if (!res.writableEnded) res.end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, e: unknown): void {
  if (e instanceof ApiError) {
    send(res, e.code, e.toStatus());
    return;
  }
  send(
    res,
    500,
    statusBody(
      500,
      'InternalError',
      `Internal error occurred: ${(e as Error)?.message ?? String(e)}`,
    ),
  );
}

function truthy(v: string | null): boolean {
  return v === 'true' || v === '1';
}

function intParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^[0-9]+$/.test(v))
    throw badRequest(`invalid value for ${name}: "${v}"`);
  return Number(v);
}

function managerOf(req: IncomingMessage, q: URLSearchParams): string {
  const m = q.get('fieldManager');
  if (m) {
    if (m.length > 128)
      throw badRequest('fieldManager must be at most 128 characters');
    return m;
  }
  const ua = String(req.headers['user-agent'] ?? '');
  return ua ? ua.split('/')[0] : 'unknown';
}

function verbOf(method: string, rp: ResourcePath, q: URLSearchParams): string {
  if (method === 'GET') {
    if (rp.name === undefined)
      return rp.watchPath || truthy(q.get('watch')) ? 'watch' : 'list';
    return rp.watchPath || truthy(q.get('watch')) ? 'watch' : 'get';
  }
  return (
    (
      {
        POST: 'create',
        PUT: 'update',
        PATCH: 'patch',
        DELETE: rp.name === undefined ? 'deletecollection' : 'delete',
      } as Record<string, string>
    )[method] ?? method.toLowerCase()
  );
}

export function createApiServer(
  sim: Simulation,
  token: string,
  options: ApiServerOptions,
): ApiServer {
  const stats = new RequestStats();
  const watches = new WatchRegistry();
  let outage = false;
  let currentToken = token;

  async function handleResource(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    rp: ResourcePath,
    method: string,
  ): Promise<void> {
    const q = url.searchParams;
    const { type } = rp;
    const store = sim.store;
    const ops = sim.ops;
    const dryRun = q.getAll('dryRun').includes('All');
    if (q.get('dryRun') && !dryRun)
      throw badRequest(`unsupported dryRun value: ${q.get('dryRun')}`);
    const opts = (): WriteOptions => ({
      manager: managerOf(req, q),
      dryRun,
      force: truthy(q.get('force')),
      subresource: rp.sub,
    });
    const isWatch = rp.watchPath || truthy(q.get('watch'));

    // subresources
    if (rp.sub === 'proxy') {
      if (method !== 'GET')
        throw new ApiError(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        );
      const node = ops.get(type, undefined, rp.name!);
      if (rp.rest.join('/') !== 'stats/summary') throw notFoundPath();
      const pods = sim.cluster
        .podsOnNode(node.metadata.name)
        .map(k => store.getEntry('pods', k)?.obj)
        .filter(p => p && p.status?.phase === 'Running');
      send(res, 200, statsSummary(node, pods, sim.usage, sim.nowMs()));
      return;
    }
    if (rp.sub === 'log') {
      if (method !== 'GET')
        throw new ApiError(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        );
      const pod = ops.get(type, rp.namespace, rp.name!);
      const container = q.get('container') ?? pod.spec?.containers?.[0]?.name;
      const start = pod.status?.startTime ?? pod.metadata.creationTimestamp;
      const lines = [
        `${start} INFO starting ${container} (${
          pod.spec?.containers?.[0]?.image ?? ''
        })`,
        `${start} INFO listening on :8080`,
        `${start} INFO ready`,
      ];
      send(res, 200, `${lines.join('\n')}\n`, 'text/plain');
      return;
    }
    if (rp.sub === 'scale') {
      if (method === 'GET') {
        send(res, 200, ops.getScale(type, rp.namespace, rp.name!));
        return;
      }
      const text = await readBody(req);
      const ct = mediaType(req);
      if (method === 'PUT') {
        checkWriteContentType(ct);
        send(
          res,
          200,
          ops.setScale(
            type,
            rp.namespace,
            rp.name!,
            decodeBody(text, ct),
            opts(),
          ),
        );
        return;
      }
      if (method === 'PATCH') {
        const pt = patchTypeOf(ct);
        const current = ops.getScale(type, rp.namespace, rp.name!);
        const body = decodeBody(text, ct);
        if (pt === 'json')
          throw badRequest(
            'json patch is not supported on the scale subresource',
          );
        const merged =
          pt === 'merge'
            ? mergePatch(current, body)
            : strategicMergePatch(current, body);
        send(
          res,
          200,
          ops.setScale(type, rp.namespace, rp.name!, merged, opts()),
        );
        return;
      }
      throw new ApiError(
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      );
    }

    // metrics.k8s.io (computed, read-only)
    if (type.readOnly) {
      if (method !== 'GET')
        throw new ApiError(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        );
      if (isWatch)
        throw new ApiError(
          405,
          'MethodNotAllowed',
          'watch is not supported on metrics resources',
        );
      const labels = parseLabelSelector(q.get('labelSelector'));
      const now = sim.nowMs();
      if (type.kind === 'NodeMetrics') {
        if (rp.name) {
          const node = store.get('nodes', undefined, rp.name);
          if (!node)
            throw new ApiError(
              404,
              'NotFound',
              `nodemetrics.metrics.k8s.io "${rp.name}" not found`,
              { name: rp.name, group: 'metrics.k8s.io', kind: 'nodes' },
            );
          send(res, 200, nodeMetrics(node, sim.usage, now));
          return;
        }
        send(res, 200, {
          kind: 'NodeMetricsList',
          apiVersion: 'metrics.k8s.io/v1beta1',
          metadata: {},
          items: listNodeMetrics(store, sim.usage, now, labels),
        });
        return;
      }
      if (rp.name) {
        const pod = store.get('pods', rp.namespace, rp.name);
        if (!pod || pod.status?.phase !== 'Running')
          throw new ApiError(
            404,
            'NotFound',
            `podmetrics.metrics.k8s.io "${rp.namespace}/${rp.name}" not found`,
            { name: rp.name, group: 'metrics.k8s.io', kind: 'pods' },
          );
        send(res, 200, podMetrics(pod, sim.usage, now));
        return;
      }
      send(res, 200, {
        kind: 'PodMetricsList',
        apiVersion: 'metrics.k8s.io/v1beta1',
        metadata: {},
        items: listPodMetrics(store, sim.usage, now, rp.namespace, labels),
      });
      return;
    }

    if (method === 'GET' && (rp.name === undefined || isWatch)) {
      const labels = parseLabelSelector(q.get('labelSelector'));
      const fields = parseFieldSelector(q.get('fieldSelector'));
      checkFieldSelector(type.kind, fields);
      if (rp.name !== undefined)
        fields.push({ field: 'metadata.name', op: '=', value: rp.name });
      if (isWatch) {
        const sie = q.get('sendInitialEvents');
        startWatch(
          store,
          res,
          {
            type,
            namespace: rp.namespace,
            labels,
            fields,
            resourceVersion: q.get('resourceVersion') ?? undefined,
            allowBookmarks: truthy(q.get('allowWatchBookmarks')),
            sendInitialEvents: sie === null ? undefined : truthy(sie),
            timeoutSeconds: intParam(q, 'timeoutSeconds'),
            bookmarkIntervalMs: options.bookmarkIntervalMs,
          },
          watches,
        );
        return;
      }
      const page = selectPage(store, type, {
        namespace: rp.namespace,
        labels,
        fields,
        limit: intParam(q, 'limit'),
        continueToken: q.get('continue') ?? undefined,
      });
      if (wantsTable(String(req.headers.accept ?? ''))) {
        send(
          res,
          200,
          tableFor(
            type.kind,
            page.entries.map(e => e.obj),
            String(page.rv),
            sim.nowMs(),
            q.get('includeObject') ?? undefined,
            page.continueToken,
          ),
        );
        return;
      }
      await streamList(res, type, page);
      return;
    }
    if (method === 'GET') {
      const obj = ops.get(type, rp.namespace, rp.name!);
      if (wantsTable(String(req.headers.accept ?? ''))) {
        send(
          res,
          200,
          tableFor(
            type.kind,
            [obj],
            obj.metadata.resourceVersion,
            sim.nowMs(),
            q.get('includeObject') ?? undefined,
          ),
        );
        return;
      }
      const entry = store.getEntry(
        resourceKey(type),
        `${type.namespaced ? rp.namespace : ''}/${rp.name}`,
      );
      send(
        res,
        200,
        entry && !rp.sub ? (entry.json ??= JSON.stringify(entry.obj)) : obj,
      );
      return;
    }
    if (method === 'POST') {
      if (rp.name !== undefined)
        throw new ApiError(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        );
      const ct = mediaType(req);
      checkWriteContentType(ct);
      const body = decodeBody(await readBody(req), ct);
      send(res, 201, ops.create(type, rp.namespace, body, opts()));
      return;
    }
    if (method === 'DELETE' && rp.name === undefined) {
      if (!type.verbs.includes('deletecollection'))
        throw new ApiError(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        );
      const labels = parseLabelSelector(q.get('labelSelector'));
      const fields = parseFieldSelector(q.get('fieldSelector'));
      checkFieldSelector(type.kind, fields);
      const page = selectPage(store, type, {
        namespace: rp.namespace,
        labels,
        fields,
      });
      const items = page.entries.map(e => e.obj);
      for (const o of items)
        ops.delete(type, o.metadata.namespace, o.metadata.name, { dryRun });
      send(res, 200, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: { kind: type.plural, group: type.group || undefined },
      });
      return;
    }
    if (rp.name === undefined)
      throw new ApiError(
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      );
    if (method === 'PUT') {
      const ct = mediaType(req);
      checkWriteContentType(ct);
      const body = decodeBody(await readBody(req), ct);
      send(res, 200, ops.replace(type, rp.namespace, rp.name, body, opts()));
      return;
    }
    if (method === 'PATCH') {
      const ct = mediaType(req);
      const pt = patchTypeOf(ct);
      const body = decodeBody(await readBody(req), ct);
      if (pt === 'apply') {
        const existed = Boolean(store.get(type, rp.namespace, rp.name));
        const result = ops.apply(type, rp.namespace, rp.name, body, opts());
        send(res, existed ? 200 : 201, result);
        return;
      }
      send(res, 200, ops.patch(type, rp.namespace, rp.name, pt, body, opts()));
      return;
    }
    if (method === 'DELETE') {
      let pre: any;
      const text = await readBody(req);
      if (text.trim()) pre = decodeBody(text, 'application/json');
      send(
        res,
        200,
        ops.delete(type, rp.namespace, rp.name, {
          dryRun:
            dryRun ||
            (Array.isArray(pre?.dryRun) && pre.dryRun.includes('All')),
          preconditionUid: pre?.preconditions?.uid,
          preconditionRv: pre?.preconditions?.resourceVersion,
        }),
      );
      return;
    }
    throw new ApiError(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
    );
  }

  function handleNonResource(
    res: ServerResponse,
    url: URL,
    method: string,
  ): void {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (method !== 'GET' && method !== 'HEAD')
      throw new ApiError(
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      );
    if (path === '/healthz' || path === '/readyz' || path === '/livez') {
      send(res, 200, 'ok', 'text/plain');
      return;
    }
    if (path === '/metrics') {
      send(
        res,
        200,
        renderMetrics({
          cluster: sim.scenario.cluster.name,
          store: sim.store,
          usage: sim.usage,
          traffic: sim.traffic,
          perPod: options.perPodMetrics,
        }),
        PROMETHEUS_CONTENT_TYPE,
      );
      return;
    }
    if (path === '/version') {
      send(res, 200, versionInfo(sim.scenario.cluster.kubernetesVersion));
      return;
    }
    if (path === '/api') {
      send(res, 200, apiVersions());
      return;
    }
    if (path === '/apis') {
      send(res, 200, apiGroupList());
      return;
    }
    if (path === '/openapi/v3') {
      send(res, 200, openApiV3Root());
      return;
    }
    if (path.startsWith('/openapi/v3/')) {
      const doc = openApiV3GroupVersion(path.slice('/openapi/v3/'.length));
      if (doc) {
        send(res, 200, doc);
        return;
      }
      throw notFoundPath();
    }
    const segs = path.split('/').filter(Boolean);
    if (segs[0] === 'api' && segs.length === 2) {
      const doc = apiResourceList('', segs[1]);
      if (doc) {
        send(res, 200, doc);
        return;
      }
    }
    if (segs[0] === 'apis' && segs.length === 2) {
      const doc = apiGroup(segs[1]);
      if (doc) {
        send(res, 200, doc);
        return;
      }
    }
    if (segs[0] === 'apis' && segs.length === 3) {
      const doc = apiResourceList(segs[1], segs[2]);
      if (doc) {
        send(res, 200, doc);
        return;
      }
    }
    throw notFoundPath();
  }

  function statsKey(method: string, url: URL): string {
    try {
      const rp = parseResourcePath(url.pathname);
      if (rp)
        return `${verbOf(method, rp, url.searchParams)} ${resourceKey(
          rp.type,
        )}${rp.sub ? `/${rp.sub}` : ''}`;
    } catch {
      // fall through
    }
    if (url.pathname.startsWith('/api/v2/silence/'))
      return `${method} /api/v2/silence/{id}`;
    return `${method} ${
      url.pathname.startsWith('/openapi/') ? '/openapi' : url.pathname
    }`;
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const method = String(req.method ?? 'GET').toUpperCase();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      send(res, 400, statusBody(400, 'BadRequest', 'malformed request URL'));
      return;
    }
    const addBytes = stats.begin(statsKey(method, url));
    const origWrite = res.write.bind(res) as (...a: any[]) => boolean;
    const origEnd = res.end.bind(res) as (...a: any[]) => ServerResponse;
    const count = (chunk: unknown) => {
      if (typeof chunk === 'string') addBytes(Buffer.byteLength(chunk));
      else if (chunk instanceof Uint8Array) addBytes(chunk.length);
    };
    (res as any).write = (chunk: unknown, ...rest: unknown[]) => {
      count(chunk);
      return origWrite(chunk, ...rest);
    };
    (res as any).end = (chunk?: unknown, ...rest: unknown[]) => {
      if (chunk !== undefined && typeof chunk !== 'function') count(chunk);
      return origEnd(chunk, ...rest);
    };
    try {
      const path = url.pathname;
      if (options.alerting && isAlertingPath(path)) {
        sim.step();
        await handleAlertingRequest(
          req,
          res,
          url,
          method,
          options.alerting,
          sim.nowMs(),
        );
        return;
      }
      if (
        path.startsWith('/sim/') &&
        !(method === 'GET' && path === '/sim/stats') &&
        !authorised(req)
      ) {
        throw new ApiError(401, 'Unauthorized', 'Unauthorized');
      }
      if (path.startsWith('/sim/')) {
        await handleSimControl(req, res, url, method, {
          sim,
          stats,
          watches,
          setOutage: v => (outage = v),
          send,
        });
        return;
      }
      if (!PUBLIC_PATHS.has(path) && !authorised(req))
        throw new ApiError(401, 'Unauthorized', 'Unauthorized');
      if (outage && path !== '/healthz') {
        throw new ApiError(
          503,
          'ServiceUnavailable',
          'the simulated API server is unavailable',
        );
      }
      sim.step();
      const rp = parseResourcePath(path);
      if (rp) await handleResource(req, res, url, rp, method);
      else handleNonResource(res, url, method);
    } catch (e) {
      sendError(res, e);
    }
  }

  function authorised(req: IncomingMessage): boolean {
    const h = String(req.headers.authorization ?? '');
    const m = /^Bearer\s+(.+)$/i.exec(h);
    return Boolean(m && m[1].trim() === currentToken);
  }

  const handler: http.RequestListener = (req, res) => {
    handle(req, res).catch(e => {
      try {
        sendError(res, e);
      } catch {
        res.destroy();
      }
    });
  };
  const server = http.createServer(handler);
  server.on('clientError', (_err, socket) => {
    if (socket.writable) {
      const body = JSON.stringify(
        statusBody(400, 'BadRequest', 'malformed HTTP request'),
      );
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(
          body,
        )}\r\nConnection: close\r\n\r\n${body}`,
      );
    } else {
      socket.destroy();
    }
  });
  server.keepAliveTimeout = 65_000;
  return {
    server,
    handler,
    stats,
    watches,
    setOutage(on: boolean) {
      outage = on;
      if (on) watches.closeAll();
    },
    setToken(t: string) {
      currentToken = t;
      watches.closeAll();
    },
  };
}
