import fs from 'node:fs/promises';
import {
  DEFAULT_PLATFORM_POOLS,
  formatRef,
  lintManifests,
  parseManifests,
  parsePools,
} from '@fdp/plugin-manifests-common';
import { InputError } from '@backstage/errors';
import { parseCliArgs, USAGE } from './args';
import { formatJson, formatText, LocatedFinding } from './formatFindings';
import { describeFsError, readManifestFiles } from './readManifestFiles';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

async function readPools(file: string | undefined) {
  if (!file) {
    return DEFAULT_PLATFORM_POOLS;
  }
  const text = await fs.readFile(file, 'utf8').catch(e => {
    throw new InputError(`${file}: ${describeFsError(e)}`);
  });
  const [doc] = parseManifests(text, file);
  try {
    return parsePools(doc?.object);
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message}`);
  }
}

/**
 * platform-lint: the lint over every manifest of the paths, taken as one set
 * (an HPA and its VPA may sit in different files). Resolves to the exit
 * status: 0 clean or warnings only, 1 an error finding, 2 bad usage or input.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      io.stdout(USAGE);
      return 0;
    }
    const pools = await readPools(args.poolsFile);
    const sourced = await readManifestFiles(args.paths);
    const where = new Map<string, { file: string; line: number }>();
    for (const s of sourced) {
      const o = s.object as {
        kind?: string;
        metadata?: { name?: string; namespace?: string };
      };
      const key = formatRef({
        kind: String(o?.kind),
        namespace: o?.metadata?.namespace,
        name: String(o?.metadata?.name),
      });
      if (!where.has(key)) {
        where.set(key, { file: s.file, line: s.line });
      }
    }
    const findings: LocatedFinding[] = lintManifests(
      sourced.map(s => s.object),
      { pools },
    ).map(f => ({ ...f, ...where.get(formatRef(f.object)) }));
    io.stdout(
      args.format === 'json' ? formatJson(findings) : formatText(findings),
    );
    return findings.some(f => f.severity === 'error') ? 1 : 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`platform-lint: ${e.message}\n`);
      if (e.message === 'no PATH given') {
        io.stderr(USAGE);
      }
      return 2;
    }
    throw e;
  }
}
