import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  alertsAlertReadPermission,
  alertsSilenceCreatePermission,
  alertsSilenceExpirePermission,
} from '@fdp/plugin-alerts-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { AlertsService } from './AlertsService';
import { parseAlertFilters } from './parseAlertFilters';

const createSilenceBody = z.object({
  matchers: z.union([
    z.string(),
    z.array(
      z.object({
        name: z.string(),
        value: z.string(),
        isRegex: z.boolean(),
        isEqual: z.boolean().default(true),
      }),
    ),
  ]),
  duration: z.string(),
  comment: z.string(),
  source: z.string().optional(),
  startsAt: z.string().optional(),
});

export interface RouterOptions {
  service: AlertsService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
}

/** Thin HTTP layer: authorize, parse, ask the service, respond. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { service, httpAuth, permissions, auditor } = options;
  const router = Router();
  router.use(express.json());

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
  const reader = async (req: Request) =>
    authorize(await httpAuth.credentials(req), alertsAlertReadPermission);
  // silences have a person behind them: users only
  const user = async (req: Request, permission: BasicPermission) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await authorize(credentials, permission);
    return credentials.principal.userEntityRef;
  };

  router.get('/alerts', async (req, res) => {
    await reader(req);
    res.json(await service.listAlerts(parseAlertFilters(req.query)));
  });

  router.get('/rules', async (req, res) => {
    await reader(req);
    res.json(await service.listRules());
  });

  router.get('/silences', async (req, res) => {
    await reader(req);
    res.json(await service.listSilences());
  });

  router.post('/silences', async (req, res) => {
    const createdBy = await user(req, alertsSilenceCreatePermission);
    const parsed = createSilenceBody.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        `Invalid silence: ${
          issue.path.join('.') || 'body'
        } ${issue.message.toLowerCase()}`,
      );
    }
    const event = await auditor.createEvent({
      eventId: 'silence-create',
      severityLevel: 'medium',
      request: req,
      meta: {
        matchers: JSON.stringify(parsed.data.matchers),
        duration: parsed.data.duration,
      },
    });
    try {
      const silence = await service.createSilence(parsed.data, createdBy);
      await event.success({
        meta: { silenceId: silence.id, source: silence.source },
      });
      res.status(201).json(silence);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.delete('/silences/:id', async (req, res) => {
    await user(req, alertsSilenceExpirePermission);
    if (
      req.query.source !== undefined &&
      typeof req.query.source !== 'string'
    ) {
      throw new InputError('Invalid source');
    }
    const event = await auditor.createEvent({
      eventId: 'silence-expire',
      severityLevel: 'medium',
      request: req,
      meta: { silenceId: req.params.id },
    });
    try {
      await service.expireSilence(
        req.params.id,
        req.query.source as string | undefined,
      );
      await event.success();
      res.status(204).end();
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
