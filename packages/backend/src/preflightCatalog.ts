import { Config } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The `file` locations of `catalog.locations` that do not exist, resolved as
 * the catalog resolves them (against the working directory). The catalog
 * itself only logs a missing file and serves an empty catalog.
 */
export function missingCatalogFiles(
  config: Config,
  cwd: string = process.cwd(),
): string[] {
  return (config.getOptionalConfigArray('catalog.locations') ?? [])
    .filter(location => location.getString('type') === 'file')
    .map(location => location.getString('target'))
    .filter(target => !fs.existsSync(path.resolve(cwd, target)))
    .map(
      target =>
        `Catalog location ${target} does not exist (resolved to ${path.resolve(
          cwd,
          target,
        )} from ${cwd}). Set CATALOG_ROOT to the directory holding catalog-info.yaml, or fix catalog.locations.`,
    );
}
