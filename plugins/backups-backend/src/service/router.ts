import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { BackupsService } from './BackupsService';
import { parseNoQuery } from './parseNoQuery';
import { parseTargetName } from './parseTargetName';
import { parseTargetsQuery } from './parseTargetsQuery';

/** Thin HTTP layer: authenticate, parse, ask the service, respond. */
export async function createRouter(options: {
  service: BackupsService;
  httpAuth: HttpAuthService;
}): Promise<express.Router> {
  const { service, httpAuth } = options;
  const router = Router();

  const target = (name: string) => {
    const found = service.getTarget(name);
    if (!found) {
      throw new NotFoundError(`No backup target '${name}'`);
    }
    return found;
  };

  router.get('/targets', async (req, res) => {
    await httpAuth.credentials(req);
    const { status } = parseTargetsQuery(req.query);
    const { body, etag } = service.targetsResponse(status);
    // express answers 304 when If-None-Match names this ETag
    res.set('ETag', etag).type('json').send(body);
  });

  router.get('/targets/:name', async (req, res) => {
    await httpAuth.credentials(req);
    parseNoQuery(req.query);
    res.json(target(parseTargetName(req.params)));
  });

  router.get('/targets/:name/backups', async (req, res) => {
    await httpAuth.credentials(req);
    parseNoQuery(req.query);
    const name = parseTargetName(req.params);
    target(name);
    res.json(service.getBackups(name));
  });

  router.get('/policy', async (req, res) => {
    await httpAuth.credentials(req);
    parseNoQuery(req.query);
    res.json(service.listPolicies());
  });

  return router;
}
