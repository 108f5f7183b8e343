import fs from 'node:fs';
import path from 'node:path';

/**
 * Finds a command-line tool a test suite needs. Outside CI a missing tool
 * returns undefined (with a warning) so the caller can skip; in CI
 * (CI=true) it throws, so the suite fails instead of passing by skipping.
 *
 * @param name - the executable, looked up on PATH
 * @param install - how to get it, for the error message
 */
export function requireTool(
  name: string,
  install: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const found = (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map(dir => path.join(dir, name))
    .find(p => {
      try {
        fs.accessSync(p, fs.constants.X_OK);
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    });
  if (found) {
    return found;
  }
  const message = `${name} is not on PATH: ${install}`;
  if (env.CI && env.CI !== 'false') {
    throw new Error(`${message} (CI=true: a required suite may not skip)`);
  }
  // eslint-disable-next-line no-console
  console.warn(`${message}; skipping the tests that need it`);
  return undefined;
}
