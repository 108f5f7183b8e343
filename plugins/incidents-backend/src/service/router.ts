import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, serializeError } from '@backstage/errors';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  Incident,
  incidentCreatePermission,
  incidentUpdatePermission,
  LevelsResponse,
  VersionConflictResponse,
} from '@fdp/plugin-incidents-common';
import { JsonObject } from '@backstage/types';
import express, { ErrorRequestHandler, Request } from 'express';
import Router from 'express-promise-router';
import { parseAlertmanagerPayload } from '../webhook/alertmanagerPayload';
import { AlertmanagerWebhook } from '../webhook/AlertmanagerWebhook';
import { checkBearerToken } from '../webhook/bearerToken';
import { IncidentsService, VersionConflictError } from './IncidentsService';
import { ListResponseCache } from './ListResponseCache';
import { parseCreateIncident } from './parseCreateIncident';
import { parseIncidentId } from './parseIncidentId';
import { parseListQuery } from './parseListQuery';
import { parseNoQuery } from './parseNoQuery';
import { parseNote } from './parseNote';
import { parseStatsQuery } from './parseStatsQuery';
import { parseTransition } from './parseTransition';
import { parseUpdateIncident } from './parseUpdateIncident';

export interface RouterOptions {
  service: IncidentsService;
  /** List pages, invalidated by the plugin on every change. */
  listCache: ListResponseCache;
  webhook: AlertmanagerWebhook;
  /** `incidents.webhook.token`; unset refuses every webhook request. */
  webhookToken?: string;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  /** Applies a conditional decision to an incident (`createConditionAuthorizer` of the incident rules). */
  isAllowed: (decision: PolicyDecision, incident: Incident) => boolean;
}

/** The Alertmanager webhook's path, open to unauthenticated callers (bearer token instead). */
export const WEBHOOK_PATH = '/webhooks/alertmanager';

/** REST bodies: the largest is a post-mortem of 100,000 characters (up to 4 bytes each in UTF-8). */
const REST_BODY_LIMIT = '512kb';
const WEBHOOK_BODY_LIMIT = '1mb';

/** Thin HTTP layer: authenticate, authorize, parse, ask the service, audit, respond. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { service, webhook, httpAuth, permissions, auditor } = options;
  const router = Router();

  // before any body parsing: a wrong token must not cost a 1 MB parse
  router.post(
    WEBHOOK_PATH,
    (req, _res, next) => {
      checkBearerToken(req.headers.authorization, options.webhookToken);
      next();
    },
    express.json({ limit: WEBHOOK_BODY_LIMIT }),
    async (req, res) => {
      parseNoQuery(req.query);
      const payload = parseAlertmanagerPayload(req.body);
      // not `request: req`: the auditor would read the Alertmanager token
      // as a Backstage token; the actor is the plugin, the caller in meta
      const event = await auditor.createEvent({
        eventId: 'alertmanager-webhook',
        severityLevel: 'medium',
        meta: {
          caller: 'alertmanager',
          ip: req.ip ?? null,
          groupKey: payload.groupKey,
          status: payload.status,
        },
      });
      try {
        const outcome = await webhook.receive(payload);
        await event.success({ meta: { ...outcome } });
        res.json(outcome);
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  );

  // a larger body is a 413, a body that is not JSON a 400 (body-parser's errors)
  router.use(express.json({ limit: REST_BODY_LIMIT }));

  async function authorize(
    credentials: BackstageCredentials,
    request: AuthorizePermissionRequest,
  ) {
    const [decision] = await permissions.authorize([request], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${request.permission.name}`,
      );
    }
  }
  /**
   * `incidents.incident.update` on one incident: a conditional decision (the
   * policy's owner rule) is applied here to the stored incident, without the
   * permission backend's round trip to apply-conditions.
   */
  async function authorizeUpdate(
    credentials: BackstageCredentials,
    id: string,
  ) {
    const [decision] = await permissions.authorizeConditional(
      [{ permission: incidentUpdatePermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return;
    if (
      decision.result === AuthorizeResult.CONDITIONAL &&
      options.isAllowed(decision, await service.get(id))
    ) {
      return;
    }
    throw new NotAllowedError(
      `Missing permission ${incidentUpdatePermission.name}`,
    );
  }
  /** Changes have a person behind them (the timeline's actor): users only. */
  const user = async (req: Request) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    return { credentials, actor: credentials.principal.userEntityRef };
  };
  /** Runs a change as an audit event that succeeds or fails with it. */
  async function audited<T>(
    req: Request,
    eventId: string,
    meta: JsonObject,
    fn: () => Promise<T>,
    resultMeta: (result: T) => JsonObject = () => ({}),
  ): Promise<T> {
    const event = await auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req,
      meta,
    });
    try {
      const result = await fn();
      await event.success({ meta: resultMeta(result) });
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  router.get('/levels', async (req, res) => {
    await httpAuth.credentials(req);
    parseNoQuery(req.query);
    // the roles too: the UI shows who each chain step notifies
    const body: LevelsResponse & { roles: Record<string, string[]> } = {
      levels: service.levels,
      roles: service.roles,
    };
    res.json(body);
  });

  router.get('/incidents', async (req, res) => {
    await httpAuth.credentials(req);
    const query = parseListQuery(req.query);
    // zod's output has the schema's key order: equal queries, equal keys
    const page = await options.listCache.get(JSON.stringify(query), () =>
      service.list(query),
    );
    // express answers 304 when If-None-Match names this ETag
    res.set('ETag', page.etag).type('json').send(page.body);
  });

  router.post('/incidents', async (req, res) => {
    const { credentials, actor } = await user(req);
    await authorize(credentials, { permission: incidentCreatePermission });
    parseNoQuery(req.query);
    const request = parseCreateIncident(req.body);
    const incident = await audited(
      req,
      'incident-create',
      { level: request.level, entityRef: request.entityRef },
      () => service.create(request, actor, credentials),
      created => ({ incidentId: created.id }),
    );
    res.status(201).json(incident);
  });

  router.get('/incidents/:id', async (req, res) => {
    await httpAuth.credentials(req);
    parseNoQuery(req.query);
    res.json(await service.details(parseIncidentId(req.params)));
  });

  router.patch('/incidents/:id', async (req, res) => {
    const { credentials, actor } = await user(req);
    const id = parseIncidentId(req.params);
    await authorizeUpdate(credentials, id);
    parseNoQuery(req.query);
    const request = parseUpdateIncident(req.body);
    res.json(
      await audited(
        req,
        'incident-update',
        {
          incidentId: id,
          version: request.version,
          fields: Object.keys(request).filter(k => k !== 'version'),
        },
        () => service.update(id, request, actor, credentials),
        updated => ({ version: updated.version }),
      ),
    );
  });

  router.post('/incidents/:id/transitions', async (req, res) => {
    const { credentials, actor } = await user(req);
    const id = parseIncidentId(req.params);
    await authorizeUpdate(credentials, id);
    parseNoQuery(req.query);
    const move = parseTransition(req.body);
    res.json(
      await audited(
        req,
        'incident-transition',
        { incidentId: id, to: move.to },
        () => service.transition(id, move, actor),
        moved => ({ version: moved.version }),
      ),
    );
  });

  router.post('/incidents/:id/notes', async (req, res) => {
    const { credentials, actor } = await user(req);
    const id = parseIncidentId(req.params);
    await authorizeUpdate(credentials, id);
    parseNoQuery(req.query);
    const text = parseNote(req.body);
    const entry = await audited(
      req,
      'incident-note',
      { incidentId: id },
      () => service.addNote(id, text, actor),
      added => ({ entryId: added.id }),
    );
    res.status(201).json(entry);
  });

  router.get('/stats', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(await service.stats(parseStatsQuery(req.query)));
  });

  // a stale version: Backstage's error body plus the version to read again at
  const versionConflict: ErrorRequestHandler = (error, req, res, next) => {
    if (!(error instanceof VersionConflictError)) {
      next(error);
      return;
    }
    const body: VersionConflictResponse = {
      error: serializeError(error),
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: 409 },
      currentVersion: error.currentVersion,
    };
    res.status(409).json(body);
  };
  router.use(versionConflict);

  return router;
}
