import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { parseManifests } from '@fdp/plugin-manifests-common';

/** One manifest and where it was read from. */
export interface SourcedObject {
  object: unknown;
  file: string;
  line: number;
}

const YAML_FILE = /\.ya?ml$/i;

/** The words of the usual errno codes; the code itself otherwise. */
export const describeFsError = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  return (
    (
      {
        ENOENT: 'no such file or directory',
        EACCES: 'permission denied',
        EISDIR: 'is a directory',
      } as Record<string, string>
    )[code ?? ''] ??
    code ??
    String(e)
  );
};

async function filesUnder(p: string): Promise<string[]> {
  let stat;
  try {
    stat = await fs.stat(p);
  } catch (e) {
    throw new InputError(`${p}: ${describeFsError(e)}`);
  }
  if (!stat.isDirectory()) {
    return [p]; // a file named on the command line is read whatever its extension
  }
  const entries = await fs.readdir(p, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .sort((a, b) => a.name.localeCompare(b.name))
      .filter(e => e.isDirectory() || YAML_FILE.test(e.name))
      .map(e => filesUnder(path.join(p, e.name))),
  );
  return nested.flat();
}

/** Every document of the files and directories (recursively, *.yaml and *.yml), in path order. */
export async function readManifestFiles(
  paths: string[],
): Promise<SourcedObject[]> {
  const files = (await Promise.all(paths.map(filesUnder))).flat();
  const out: SourcedObject[] = [];
  for (const file of files) {
    const text = await fs.readFile(file, 'utf8').catch(e => {
      throw new InputError(`${file}: ${describeFsError(e)}`);
    });
    for (const doc of parseManifests(text, file)) {
      out.push({ object: doc.object, file, line: doc.line });
    }
  }
  return out;
}
