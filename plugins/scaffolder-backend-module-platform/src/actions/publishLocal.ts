import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { commitDirectory } from '../git/commitDirectory';
import { examples } from './publishLocal.examples';

/**
 * `platform:publish:local`: the workspace (or a directory of it) committed
 * to a new git repository `<publishDir>/<name>`, so the flow works offline;
 * `publish:github`/`publish:gitlab` are the production choice.
 */
export function createPublishLocalAction(options: { publishDir: string }) {
  return createTemplateAction({
    id: 'platform:publish:local',
    description:
      'Commits the workspace to a new git repository under scaffolder.platform.publishDir (offline publishing)',
    examples,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
            .describe('Repository name (a directory of publishDir)'),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe('Workspace directory to commit (default .)'),
        defaultBranch: z =>
          z.string().optional().describe('Branch of the commit (default main)'),
        commitMessage: z =>
          z
            .string()
            .optional()
            .describe('Commit message (default Initial commit)'),
      },
      output: {
        repoUrl: z => z.string().describe('file: URL of the repository'),
        catalogInfoUrl: z =>
          z.string().describe('file: URL of its catalog-info.yaml'),
        commitHash: z => z.string(),
      },
    },
    async handler(ctx) {
      const { name } = ctx.input;
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.sourcePath ?? '.',
      );
      const dir = resolveSafeChildPath(options.publishDir, name);
      const commitHash = await ctx.checkpoint({
        key: `publish-local:${name}`,
        fn: async () => {
          await fs.mkdir(options.publishDir, { recursive: true });
          // mkdir without recursive fails on an existing repository: never overwrite one
          await fs.mkdir(dir).catch((e: NodeJS.ErrnoException) => {
            if (e.code === 'EEXIST') {
              throw new ConflictError(
                `name: repository '${name}' already exists`,
              );
            }
            throw e;
          });
          await fs.cp(source, dir, { recursive: true });
          const user = ctx.user?.entity;
          return commitDirectory({
            dir,
            branch: ctx.input.defaultBranch ?? 'main',
            message: ctx.input.commitMessage ?? 'Initial commit',
            author: {
              name: user?.metadata.title ?? user?.metadata.name ?? 'FDP portal',
              email:
                (user?.spec?.profile as { email?: string } | undefined)
                  ?.email ?? 'scaffolder@fdp-portal.invalid',
            },
          });
        },
      });
      const repoUrl = pathToFileURL(dir).href;
      ctx.logger.info(`committed ${commitHash} to ${repoUrl}`);
      ctx.output('repoUrl', repoUrl);
      ctx.output(
        'catalogInfoUrl',
        pathToFileURL(path.join(dir, 'catalog-info.yaml')).href,
      );
      ctx.output('commitHash', commitHash);
    },
  });
}
