/** Reading and validating scenario files. */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ZodError } from 'zod';
import { Scenario, scenarioSchema } from './schema';

/** Directory of the bundled scenarios. */
// the package runs from source (bin/platform-sim, tests), never bundled
// eslint-disable-next-line no-restricted-syntax
export const SCENARIOS_DIR = path.resolve(__dirname, '../../scenarios');

/** Error thrown for an unreadable or invalid scenario; the message names file and field. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/** Formats a zod issue path as `nodePools[0].count`. */
export function formatIssuePath(p: (string | number)[]): string {
  let out = '';
  for (const seg of p) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || '(root)';
}

/** Parses and validates scenario text; `file` is used in error messages. */
export function parseScenario(text: string, file: string): Scenario {
  let raw: unknown;
  try {
    raw = YAML.parse(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new ScenarioError(
      `Invalid scenario ${file}: YAML syntax error: ${(e as Error).message}`,
    );
  }
  try {
    return scenarioSchema.parse(raw);
  } catch (e) {
    if (e instanceof ZodError) {
      const lines = e.issues
        .slice(0, 10)
        .map(i => `  - ${formatIssuePath(i.path)}: ${i.message}`);
      throw new ScenarioError(`Invalid scenario ${file}:\n${lines.join('\n')}`);
    }
    throw e;
  }
}

/** Resolves a scenario name (`default`, `large`) or a file path. */
export function resolveScenarioPath(nameOrPath: string): string {
  if (/^[a-z0-9-]+$/i.test(nameOrPath)) {
    return path.join(SCENARIOS_DIR, `${nameOrPath}.yaml`);
  }
  return path.resolve(nameOrPath);
}

/** Loads a scenario by name or path. */
export function loadScenario(nameOrPath: string): Scenario {
  const file = resolveScenarioPath(nameOrPath);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError(
      `Cannot read scenario ${file}: ${(e as Error).message}`,
    );
  }
  return parseScenario(text, file);
}
