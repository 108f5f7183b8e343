import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { EntityResolver, sendJsonBody } from '@fdp/platform-node';
import {
  DeploymentHistoryResponse,
  WorkloadsResponse,
  clusterHealthClusterReadPermission,
} from '@fdp/plugin-cluster-health-common';
import express from 'express';
import Router from 'express-promise-router';
import { ClusterHealthService } from './ClusterHealthService';
import { entityLabelSelector } from './entityLabelSelector';
import { parseClusterParams } from './parseClusterParams';
import { parseDeploymentHistoryQuery } from './parseDeploymentHistoryQuery';
import { parseNoQuery } from './parseNoQuery';
import { parseWorkloadsQuery } from './parseWorkloadsQuery';

export interface RouterOptions {
  service: ClusterHealthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** the catalog, read once per user and entity for a few seconds */
  entities: EntityResolver;
}

/** Thin HTTP layer: authorize, parse, ask the service, respond. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { service, httpAuth, permissions, entities } = options;
  const router = Router();

  router.use(async (req, _res, next) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: clusterHealthClusterReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${clusterHealthClusterReadPermission.name}`,
      );
    }
    next();
  });

  router.get('/clusters', (req, res) => {
    parseNoQuery(req.query);
    res.json(service.listClusters());
  });

  router.get('/clusters/:cluster/node-pools', (req, res) => {
    const { cluster } = parseClusterParams(req.params);
    parseNoQuery(req.query);
    sendJsonBody(req, res, service.nodePoolsBody(cluster));
  });

  router.get('/clusters/:cluster/node-pools/:pool/nodes', (req, res) => {
    const { cluster, pool } = parseClusterParams(req.params);
    parseNoQuery(req.query);
    res.json(service.nodes(cluster, pool!));
  });

  /** The entity as the caller may read it: its ref, and the label selector and namespace of its workloads. */
  async function entityScope(req: express.Request, ref: CompoundEntityRef) {
    const credentials = await httpAuth.credentials(req);
    const entity = await entities.resolve(ref, credentials);
    const annotations = entity.metadata.annotations;
    return {
      entityRef: stringifyEntityRef(ref),
      selector: entityLabelSelector(annotations),
      namespace: annotations?.['backstage.io/kubernetes-namespace'],
    };
  }

  router.get('/workloads', async (req, res) => {
    const query = parseWorkloadsQuery(req.query);
    const { entityRef, selector, namespace } = await entityScope(
      req,
      query.entityRef,
    );
    if (!selector) {
      const body: WorkloadsResponse = { entityRef, workloads: [], errors: [] };
      res.json(body);
      return;
    }
    sendJsonBody(
      req,
      res,
      service.workloadsBody(entityRef, selector, namespace),
    );
  });

  router.get('/deployments/history', async (req, res) => {
    const query = parseDeploymentHistoryQuery(req.query);
    const { entityRef, selector, namespace } = await entityScope(
      req,
      query.entityRef,
    );
    if (!selector) {
      const body: DeploymentHistoryResponse = {
        entityRef,
        deployments: [],
        errors: [],
      };
      res.json(body);
      return;
    }
    sendJsonBody(
      req,
      res,
      service.deploymentHistoryBody(
        entityRef,
        selector,
        namespace,
        query.limit,
      ),
    );
  });

  return router;
}
