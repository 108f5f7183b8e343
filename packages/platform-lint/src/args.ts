import { parseArgs } from 'node:util';
import { InputError } from '@backstage/errors';

export interface CliArgs {
  paths: string[];
  poolsFile?: string;
  format: 'text' | 'json';
  help: boolean;
}

export const USAGE = `Usage: platform-lint [--pools FILE] [--format text|json] PATH...

Lints Kubernetes manifests (YAML files, multi-document, or directories read
recursively for *.yaml and *.yml) against the platform policy.
  --pools FILE     the cluster's node pools (YAML or JSON; default: the platform's)
  --format FORMAT  text (default) or json
Exit status: 0 no error finding, 1 at least one error finding, 2 bad usage or input.
`;

/** The command line; InputError on anything it does not understand. */
export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        pools: { type: 'string' },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new InputError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.format !== 'text' && values.format !== 'json') {
    throw new InputError(
      `--format must be text or json, not '${values.format}'`,
    );
  }
  if (!values.help && positionals.length === 0) {
    throw new InputError('no PATH given');
  }
  return {
    paths: positionals,
    poolsFile: values.pools,
    format: values.format,
    help: values.help ?? false,
  };
}
