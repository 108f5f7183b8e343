/**
 * `/sim/...` control endpoints (not part of Kubernetes): stats, clock, events, watches, outage.
 *
 * - `GET  /sim/stats` (no auth) request/byte counters; `POST /sim/stats/reset`
 * - `GET  /sim/clock`; `POST /sim/advance?seconds=N`
 * - `GET  /sim/events` applied and upcoming timed events; `POST /sim/events` applies a scenario event now
 * - `POST /sim/watches/close` ends all open watch streams
 * - `POST /sim/outage?on=true|false` makes the API answer 503 (and closes watches)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ZodError } from 'zod';
import { ApiError, badRequest } from '../api/status';
import { eventSchema } from '../scenario/schema';
import { formatIssuePath } from '../scenario/load';
import type { Simulation } from '../sim/Simulation';
import { decodeBody, readBody } from './body';
import type { RequestStats } from './stats';
import type { WatchRegistry } from './watch';

export interface SimControlContext {
  sim: Simulation;
  stats: RequestStats;
  watches: WatchRegistry;
  setOutage(on: boolean): void;
  send(res: ServerResponse, code: number, body: unknown): void;
}

export async function handleSimControl(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  method: string,
  ctx: SimControlContext,
): Promise<void> {
  const { sim, send } = ctx;
  const path = url.pathname.replace(/\/+$/, '');
  const q = url.searchParams;
  const clock = () => ({
    elapsedSeconds: sim.elapsed(),
    now: new Date(sim.nowMs()).toISOString(),
    mode: sim.clock.mode,
    timeScale: sim.clock.timeScale,
  });
  const route = `${method} ${path}`;
  switch (route) {
    case 'GET /sim/stats':
      return send(
        res,
        200,
        ctx.stats.snapshot({
          active: ctx.watches.active,
          started: ctx.watches.started,
          eventsSent: ctx.watches.eventsSent,
        }),
      );
    case 'POST /sim/stats/reset':
      ctx.stats.reset();
      return send(res, 200, { ok: true });
    case 'GET /sim/clock':
      return send(res, 200, clock());
    case 'POST /sim/advance': {
      const seconds = Number(q.get('seconds'));
      if (!(seconds >= 0 && Number.isFinite(seconds)))
        throw badRequest('seconds must be a non-negative number');
      sim.advance(seconds);
      return send(res, 200, clock());
    }
    case 'GET /sim/events':
      return send(res, 200, { applied: sim.applied, upcoming: sim.upcoming() });
    case 'POST /sim/events': {
      const body = decodeBody(
        await readBody(req),
        'application/json',
      ) as Record<string, unknown>;
      let ev;
      try {
        ev = eventSchema.parse({ at: 0, ...body });
      } catch (e) {
        if (e instanceof ZodError) {
          throw new ApiError(
            422,
            'Invalid',
            e.issues
              .map(i => `${formatIssuePath(i.path)}: ${i.message}`)
              .join('; '),
          );
        }
        throw e;
      }
      sim.step();
      sim.applyEvent(ev);
      return send(res, 200, { applied: ev, clock: clock() });
    }
    case 'POST /sim/watches/close':
      return send(res, 200, { closed: ctx.watches.closeAll() });
    case 'POST /sim/outage': {
      const on = q.get('on') !== 'false';
      ctx.setOutage(on);
      return send(res, 200, { outage: on });
    }
    default:
      throw new ApiError(
        404,
        'NotFound',
        `unknown simulator endpoint ${route}`,
      );
  }
}
