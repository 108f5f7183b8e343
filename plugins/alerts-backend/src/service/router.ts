import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  ALERTS_LIMITS,
  alertsAlertReadPermission,
  alertsSilenceCreatePermission,
  alertsSilenceExpirePermission,
} from '@fdp/plugin-alerts-common';
import {
  EntityResolver,
  JsonBodyCache,
  sendJsonBody,
} from '@fdp/platform-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { AlertsService } from './AlertsService';
import { parseAlertFilters } from './parseAlertFilters';
import { parseCreateSilence } from './parseCreateSilence';
import { parseExpireSilence } from './parseExpireSilence';
import { parseNoQuery } from './parseNoQuery';

export interface RouterOptions {
  service: AlertsService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  /** the catalog, read once per user and entity for a few seconds */
  entities: EntityResolver;
}

/** Thin HTTP layer: authorize, parse, ask the service, respond. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { service, httpAuth, permissions, auditor, entities } = options;
  const router = Router();
  // every open page polls the alert list: each list (per filter) is read
  // from the sources once a second at most, and dropped when this process
  // changes a silence
  const alertBodies = JsonBodyCache.create({ ttl: { seconds: 1 } });
  // a larger body is a 413, a body that is not JSON a 400 (body-parser's errors)
  router.use(express.json({ limit: ALERTS_LIMITS.bodyBytes }));

  async function authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
  }
  const reader = async (req: Request) => {
    const credentials = await httpAuth.credentials(req);
    await authorize(credentials, alertsAlertReadPermission);
    return credentials;
  };
  // silences have a person behind them: users only
  const user = async (req: Request, permission: BasicPermission) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await authorize(credentials, permission);
    return credentials.principal.userEntityRef;
  };

  router.get('/alerts', async (req, res) => {
    const credentials = await reader(req);
    const filters = parseAlertFilters(req.query);
    // an entity the user cannot read in the catalog is a 404
    if (filters.entityRef) {
      await entities.resolve(filters.entityRef, credentials);
    }
    const body = await alertBodies.get(JSON.stringify(filters), () =>
      service.listAlerts(filters),
    );
    sendJsonBody(req, res, body);
  });

  router.get('/rules', async (req, res) => {
    await reader(req);
    parseNoQuery(req.query);
    res.json(await service.listRules());
  });

  router.get('/silences', async (req, res) => {
    await reader(req);
    parseNoQuery(req.query);
    res.json(await service.listSilences());
  });

  router.post('/silences', async (req, res) => {
    const createdBy = await user(req, alertsSilenceCreatePermission);
    parseNoQuery(req.query);
    const silence = parseCreateSilence(req.body);
    const event = await auditor.createEvent({
      eventId: 'silence-create',
      severityLevel: 'medium',
      request: req,
      meta: {
        matchers: JSON.stringify(silence.matchers),
        duration: silence.duration,
      },
    });
    try {
      const created = await service.createSilence(silence, createdBy);
      alertBodies.clear();
      await event.success({
        meta: { silenceId: created.id, source: created.source },
      });
      res.status(201).json(created);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.delete('/silences/:id', async (req, res) => {
    await user(req, alertsSilenceExpirePermission);
    const { id, source } = parseExpireSilence(req.params, req.query);
    const event = await auditor.createEvent({
      eventId: 'silence-expire',
      severityLevel: 'medium',
      request: req,
      meta: { silenceId: id },
    });
    try {
      await service.expireSilence(id, source);
      alertBodies.clear();
      await event.success();
      res.status(204).end();
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
