import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/** The repository's templates/ directory. */
export const TEMPLATES_DIR = path.resolve(__dirname, '../../../../templates');

/**
 * A template's skeleton rendered by the scaffolder's own `fetch:template`
 * (as its first step does), as workspace-relative path → content.
 */
export async function renderSkeleton(
  template: string,
  values: JsonObject,
): Promise<Map<string, string>> {
  const action = createFetchTemplateAction({
    reader: mockServices.urlReader.mock(),
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
  });
  const workspacePath = await fs.mkdtemp(path.join(os.tmpdir(), 'skeleton-'));
  const sources: string[] = [];
  try {
    await action.handler({
      ...createMockActionContext({ input: { url: './skeleton', values } }),
      workspacePath,
      // where fetch:template copies the skeleton before rendering it
      createTemporaryDirectory: async () => {
        const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'skeleton-src-'));
        sources.push(dir);
        return dir;
      },
      templateInfo: {
        entityRef: `template:default/${template}`,
        baseUrl: pathToFileURL(
          path.join(TEMPLATES_DIR, template, 'template.yaml'),
        ).href,
      },
    } as any);
    const files = new Map<string, string>();
    const walk = async (dir: string) => {
      for (const e of await fs.readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) await walk(full);
        else
          files.set(
            path.relative(workspacePath, full),
            await fs.readFile(full, 'utf8'),
          );
      }
    };
    await walk(workspacePath);
    return files;
  } finally {
    for (const dir of [workspacePath, ...sources]) {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
}
