import { InputError } from '@backstage/errors';
import express, { Router } from 'express';
import { parseRequestBody, REQUEST_BODIES } from './requestBodies';

/**
 * The official router's own JSON limit (express.json's default), applied by
 * this parser, which runs first; its 413/400 errors carry their status.
 */
const BODY_LIMIT = '100kb';

/**
 * Checks requests to the official Kubernetes backend before its router sees
 * them: mounted through the plugin's httpRouter by a module, whose init runs
 * before the plugin's, so it sits in front of the official routes. They would
 * answer these inputs with a 500 (a TypeError or RangeError text) or pass
 * them on to the cluster.
 */
export function createRequestValidation(): Router {
  const router = Router();
  // the proxy decodes its path and answers a bad percent-encoding with 500;
  // the body is left alone, it is streamed to the cluster
  router.use('/proxy', (req, _res, next) => {
    try {
      decodeURIComponent(req.path);
    } catch {
      throw new InputError(
        'Invalid proxy path: it is not valid percent-encoding',
      );
    }
    next();
  });
  const json = express.json({ limit: BODY_LIMIT });
  for (const route of Object.keys(REQUEST_BODIES) as Array<
    keyof typeof REQUEST_BODIES
  >) {
    router.post(route, json, (req, _res, next) => {
      if (!req.is('application/json')) {
        throw new InputError(
          `Invalid request body for POST ${route}: send JSON (Content-Type: application/json)`,
        );
      }
      parseRequestBody(route, req.body);
      next();
    });
  }
  return router;
}
