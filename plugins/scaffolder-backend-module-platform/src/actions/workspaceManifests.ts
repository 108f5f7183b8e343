import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { KubeObject, parseManifests } from '@fdp/plugin-manifests-common';

/** A manifest read from the workspace, with the file it came from. */
export interface WorkspaceManifest {
  object: KubeObject;
  /** path relative to the workspace */
  file: string;
}

/**
 * The objects of every `.yaml`/`.yml` file of a workspace directory (e.g.
 * `k8s/`), in file-name order. A missing directory or no manifest at all is
 * an InputError: there is nothing to lint or apply.
 */
export async function readWorkspaceManifests(
  workspacePath: string,
  dir: string,
): Promise<WorkspaceManifest[]> {
  const root = resolveSafeChildPath(workspacePath, dir);
  const names = await fs.readdir(root).catch(() => {
    throw new InputError(`${dir}: no such directory in the workspace`);
  });
  const manifests: WorkspaceManifest[] = [];
  for (const name of names.filter(n => /\.ya?ml$/.test(n)).sort()) {
    const file = path.posix.join(dir, name);
    const text = await fs.readFile(resolveSafeChildPath(root, name), 'utf8');
    for (const doc of parseManifests(text, file)) {
      manifests.push({ object: doc.object as KubeObject, file });
    }
  }
  if (manifests.length === 0) {
    throw new InputError(`${dir}: no manifests in the workspace`);
  }
  return manifests;
}
