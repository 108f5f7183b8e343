/**
 * WATCH streams: newline-delimited JSON events over a chunked response, resumable from a
 * resourceVersion kept in the store's history, with bookmarks and timeouts.
 */
import type { ServerResponse } from 'node:http';
import { apiVersionOf, ResourceType, resourceKey } from '../api/resources';
import {
  FieldRequirement,
  LabelRequirement,
  matchesFields,
  matchesLabels,
} from '../api/selectors';
import { badRequest, statusBody } from '../api/status';
import {
  ChangeEvent,
  entryJson,
  eventLine,
  ObjectStore,
} from '../store/ObjectStore';

export interface WatchParams {
  type: ResourceType;
  namespace?: string;
  labels: LabelRequirement[];
  fields: FieldRequirement[];
  resourceVersion?: string;
  allowBookmarks: boolean;
  sendInitialEvents?: boolean;
  timeoutSeconds?: number;
  bookmarkIntervalMs: number;
}

/** Tracks open watches so they can be closed together. */
export class WatchRegistry {
  private readonly open = new Set<() => void>();
  started = 0;
  eventsSent = 0;

  add(close: () => void): () => void {
    this.open.add(close);
    this.started++;
    return () => this.open.delete(close);
  }

  get active(): number {
    return this.open.size;
  }

  /** Ends every open watch stream (clients see the stream close and re-watch). */
  closeAll(): number {
    const n = this.open.size;
    for (const close of [...this.open]) close();
    return n;
  }
}

export function startWatch(
  store: ObjectStore,
  res: ServerResponse,
  p: WatchParams,
  registry: WatchRegistry,
): void {
  const resource = resourceKey(p.type);
  let fromRv: number | undefined;
  if (p.resourceVersion && p.resourceVersion !== '0') {
    if (!/^[0-9]+$/.test(p.resourceVersion))
      throw badRequest(`invalid resource version: ${p.resourceVersion}`);
    fromRv = Number(p.resourceVersion);
  }
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
  });
  // clients wait for the headers before they see any event
  res.flushHeaders();
  if (fromRv !== undefined && fromRv < store.oldestResumableRv()) {
    const status = statusBody(
      410,
      'Expired',
      `too old resource version: ${fromRv} (${store.oldestResumableRv()})`,
    );
    res.end(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
    registry.eventsSent++;
    return;
  }
  const matches = (obj: any): boolean =>
    obj !== undefined &&
    (p.namespace === undefined ||
      !p.type.namespaced ||
      obj.metadata.namespace === p.namespace) &&
    matchesLabels(p.labels, obj.metadata.labels) &&
    matchesFields(p.fields, obj);

  let closed = false;
  const send = (line: string) => {
    if (closed) return;
    res.write(`${line}\n`);
    registry.eventsSent++;
  };
  const lineFor = (ev: ChangeEvent): string | undefined => {
    const now = matches(ev.entry.obj);
    if (ev.type === 'MODIFIED') {
      const before = matches(ev.old);
      if (now && before) return eventLine(ev);
      if (now) return `{"type":"ADDED","object":${entryJson(ev.entry)}}`;
      if (before) return `{"type":"DELETED","object":${entryJson(ev.entry)}}`;
      return undefined;
    }
    return now ? eventLine(ev) : undefined;
  };
  const bookmark = (extra?: Record<string, string>) =>
    JSON.stringify({
      type: 'BOOKMARK',
      object: {
        kind: p.type.kind,
        apiVersion: apiVersionOf(p.type),
        metadata: {
          resourceVersion: String(store.currentRv()),
          ...(extra ? { annotations: extra } : {}),
        },
      },
    });

  // initial state (synchronous: consistent with the subscription below)
  if (fromRv === undefined) {
    if (p.sendInitialEvents !== false) {
      for (const e of store.entries(
        resource,
        p.type.namespaced ? p.namespace : undefined,
      )) {
        if (matches(e.obj)) send(`{"type":"ADDED","object":${entryJson(e)}}`);
      }
    }
    if (p.sendInitialEvents && p.allowBookmarks)
      send(bookmark({ 'k8s.io/initial-events-end': 'true' }));
  } else {
    for (const ev of store.eventsSince(fromRv, resource)) {
      const line = lineFor(ev);
      if (line) send(line);
    }
  }
  const unsubscribe = store.onChange(ev => {
    if (ev.resource !== resource) return;
    const line = lineFor(ev);
    if (line) send(line);
  });
  const timers: NodeJS.Timeout[] = [];
  let unregister: () => void = () => undefined;
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    unregister();
    for (const t of timers) clearTimeout(t);
    if (!res.writableEnded) res.end();
  };
  unregister = registry.add(close);
  if (p.allowBookmarks && p.bookmarkIntervalMs > 0) {
    timers.push(setInterval(() => send(bookmark()), p.bookmarkIntervalMs));
  }
  const timeout = p.timeoutSeconds !== undefined ? p.timeoutSeconds : 1800;
  if (timeout > 0) timers.push(setTimeout(close, timeout * 1000));
  res.on('close', close);
  res.on('error', close);
}
