import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { ClusterDefinition } from '@fdp/plugin-kubernetes-informer-cache-node';
import { KubernetesObjectApi } from '@kubernetes/client-node';
import { applyObject, FIELD_MANAGER } from '../kubernetes/applyObject';
import { kubeConfigFor } from '../kubernetes/kubeConfigFor';
import { examples } from './kubernetesApply.examples';
import { readWorkspaceManifests } from './workspaceManifests';

/**
 * Kinds this action applies: the namespaced objects of a service. The
 * permission policy limits the `namespace` input, so every object must be
 * in that namespace; cluster-scoped kinds would escape it.
 */
const APPLIED_KINDS = new Set([
  'ServiceAccount',
  'Deployment',
  'Service',
  'HorizontalPodAutoscaler',
  'VerticalPodAutoscaler',
  'NetworkPolicy',
  'PodDisruptionBudget',
  'ConfigMap',
]);

/**
 * `kubernetes:apply`: server-side apply of the workspace's manifests to a
 * cluster of `kubernetes.clusterLocatorMethods`. Who may use which
 * namespace is the permission policy's (a conditional decision on the
 * `namespace` input); everything is checked before the first write, each
 * object is applied once per task (checkpoint), and a dry run (the task's or
 * `dryRun: true`) is the API server's own. The templates run it with
 * `dryRun: true` before publishing, so a namespace the policy refuses or a
 * manifest the cluster refuses stops the task before anything is written.
 */
export function createKubernetesApplyAction(options: {
  clusters: readonly ClusterDefinition[];
}) {
  return createTemplateAction({
    id: 'kubernetes:apply',
    description: `Server-side applies the workspace's manifests (field manager ${FIELD_MANAGER}) to a configured cluster, in one namespace`,
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: z =>
          z
            .string()
            .describe('Cluster name (kubernetes.clusterLocatorMethods)'),
        namespace: z =>
          z.string().describe('Namespace of every applied object'),
        path: z =>
          z
            .string()
            .optional()
            .describe('Workspace directory of the manifests (default k8s)'),
        dryRun: z =>
          z
            .boolean()
            .optional()
            .describe(
              "Only the API server's dry run: checks manifests, namespace and conflicts, changes nothing (default false)",
            ),
      },
      output: {
        applied: z =>
          z
            .array(
              z.object({
                kind: z.string(),
                namespace: z.string(),
                name: z.string(),
                result: z.enum(['created', 'configured', 'unchanged']),
              }),
            )
            .describe('Each object and what the apply did to it'),
      },
    },
    async handler(ctx) {
      const { cluster: clusterName, namespace } = ctx.input;
      const dir = ctx.input.path ?? 'k8s';
      const dryRun = ctx.isDryRun === true || ctx.input.dryRun === true;
      const cluster = options.clusters.find(c => c.name === clusterName);
      if (!cluster) {
        throw new InputError(
          `cluster '${clusterName}' is not a configured cluster (${options.clusters
            .map(c => c.name)
            .join(', ')})`,
        );
      }
      const manifests = await readWorkspaceManifests(ctx.workspacePath, dir);
      for (const { object, file } of manifests) {
        if (!APPLIED_KINDS.has(object.kind)) {
          throw new InputError(
            `${file}: kind ${object.kind} is not applied (only ${[
              ...APPLIED_KINDS,
            ].join(', ')})`,
          );
        }
        const own = object.metadata?.namespace;
        if (own !== undefined && own !== namespace) {
          throw new InputError(
            `${file}: ${object.kind} ${object.metadata.name} is in namespace '${own}', not the input namespace '${namespace}'`,
          );
        }
      }
      const api = KubernetesObjectApi.makeApiClient(
        await kubeConfigFor(cluster),
      );

      const applied = [];
      for (const { object } of manifests) {
        const target = {
          ...object,
          metadata: { ...object.metadata, namespace },
        };
        const apply = async () => {
          const { result } = await applyObject(api, target, { dryRun });
          return {
            kind: object.kind,
            namespace,
            name: object.metadata.name,
            result,
          };
        };
        // a retried task resumes after the objects it already applied
        const entry = dryRun
          ? await apply()
          : await ctx.checkpoint({
              key: `kubernetes-apply:${clusterName}:${namespace}:${object.apiVersion}:${object.kind}:${object.metadata.name}`,
              fn: apply,
            });
        ctx.logger.info(
          `${entry.kind} ${namespace}/${entry.name} ${entry.result}${
            dryRun ? ' (server dry run)' : ''
          } on ${clusterName}`,
        );
        applied.push(entry);
      }
      ctx.output('applied', applied);
    },
  });
}
