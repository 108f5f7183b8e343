import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { formatRef, lintManifests } from '@fdp/plugin-manifests-common';
import { examples } from './lintManifests.examples';
import { readWorkspaceManifests } from './workspaceManifests';

/**
 * `platform:manifests:lint`: the platform policy lint over the workspace's
 * manifests. Every finding is logged and output; any error fails the step.
 */
export function createLintManifestsAction() {
  return createTemplateAction({
    id: 'platform:manifests:lint',
    description:
      "Lints the workspace's Kubernetes manifests with the platform policy (rule ids, one-line fixes); fails on any error finding",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .optional()
            .describe('Workspace directory of the manifests (default k8s)'),
      },
      output: {
        findings: z =>
          z
            .array(
              z.object({
                ruleId: z.string(),
                severity: z.enum(['error', 'warning']),
                object: z.object({
                  kind: z.string(),
                  namespace: z.string().optional(),
                  name: z.string(),
                }),
                message: z.string(),
                fix: z.string(),
              }),
            )
            .describe('Every finding, errors first'),
      },
    },
    async handler(ctx) {
      const dir = ctx.input.path ?? 'k8s';
      const manifests = await readWorkspaceManifests(ctx.workspacePath, dir);
      const findings = lintManifests(manifests.map(m => m.object));
      for (const f of findings) {
        const line = `${f.severity} ${f.ruleId} ${formatRef(f.object)}: ${
          f.message
        } (fix: ${f.fix})`;
        if (f.severity === 'error') ctx.logger.error(line);
        else ctx.logger.warn(line);
      }
      ctx.output('findings', findings);
      const errors = findings.filter(f => f.severity === 'error');
      if (errors.length > 0) {
        throw new InputError(
          `${dir}: ${errors.length} lint error${
            errors.length > 1 ? 's' : ''
          }: ${errors
            .map(e => `${e.ruleId} ${formatRef(e.object)}`)
            .join(', ')}`,
        );
      }
      ctx.logger.info(
        `${dir}: ${manifests.length} objects, ${findings.length} findings, no error`,
      );
    },
  });
}
