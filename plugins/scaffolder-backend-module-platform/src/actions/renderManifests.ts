import fs from 'node:fs/promises';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { LAYERS, Layer, renderService } from '@fdp/plugin-manifests-common';
import { stringify } from 'yaml';
import { requireEntity } from '../catalog/requireEntity';
import { examples } from './renderManifests.examples';

/**
 * `platform:manifests:render`: the layer's manifests (manifests-common's
 * builders, validated) into `k8s/` of the workspace, one file per object.
 * The name (not yet a component), owner, system and cluster are checked
 * first, so a task with a bad parameter stops before anything is written.
 */
export function createRenderManifestsAction(options: {
  catalog: CatalogService;
  clusters: readonly string[];
}) {
  const { catalog, clusters } = options;
  return createTemplateAction({
    id: 'platform:manifests:render',
    description:
      "Renders a service's Kubernetes manifests (ServiceAccount, Deployment, Service, HPA, VPA, NetworkPolicy, PodDisruptionBudget) with its layer's defaults into the workspace",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string().describe('Service name (a DNS-1123 label)'),
        layer: z =>
          z
            .enum(LAYERS as [Layer, ...Layer[]])
            .describe('Platform layer: picks the node pool and defaults'),
        namespace: z => z.string().describe('Namespace of every object'),
        owner: z => z.string().describe('Owner entity ref (group or user)'),
        system: z => z.string().optional().describe('System entity ref'),
        cluster: z =>
          z
            .string()
            .optional()
            .describe('Cluster the service goes to (checked to be configured)'),
        replicas: z =>
          z
            .number()
            .optional()
            .describe("Replicas (1..the pool's maximum size)"),
        image: z =>
          z.string().optional().describe('Container image (<name>:1.0.0)'),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe('Workspace directory of the manifests (default k8s)'),
      },
      output: {
        files: z =>
          z.array(z.string()).describe('Written files, workspace-relative'),
      },
    },
    async handler(ctx) {
      const { name, layer, namespace, owner, cluster } = ctx.input;
      // a template renders an empty optional parameter as ''
      const system = ctx.input.system || undefined;
      const image = ctx.input.image || undefined;
      const targetPath = ctx.input.targetPath ?? 'k8s';
      if (cluster !== undefined && !clusters.includes(cluster)) {
        throw new InputError(
          `cluster '${cluster}' is not a configured cluster (${clusters.join(
            ', ',
          )})`,
        );
      }
      const credentials = await ctx.getInitiatorCredentials();
      // the new repository's entity would collide with it: register would find the old one
      const taken = `component:default/${name}`;
      if (await catalog.getEntityByRef(taken, { credentials })) {
        throw new InputError(
          `name '${name}' is taken: ${taken} is in the catalog`,
        );
      }
      await requireEntity(catalog, credentials, 'owner', owner, 'group');
      if (system) {
        await requireEntity(catalog, credentials, 'system', system, 'system');
      }
      const objects = renderService({
        name,
        layer,
        namespace,
        replicas: ctx.input.replicas,
        image,
        labels: { 'backstage.io/kubernetes-id': name },
      });

      const dir = resolveSafeChildPath(ctx.workspacePath, targetPath);
      await fs.mkdir(dir, { recursive: true });
      const files: string[] = [];
      for (const object of objects) {
        const file = `${targetPath}/${object.kind.toLowerCase()}.yaml`;
        await fs.writeFile(
          resolveSafeChildPath(ctx.workspacePath, file),
          stringify(object),
        );
        files.push(file);
        ctx.logger.info(
          `${file}: ${object.kind} ${namespace}/${object.metadata.name}`,
        );
      }
      ctx.output('files', files);
    },
  });
}
