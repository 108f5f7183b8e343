import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AuthService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, isError } from '@backstage/errors';
import {
  CatalogService,
  locationSpecToLocationEntity,
} from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parse } from 'yaml';
import { waitForEntity } from '../catalog/waitForEntity';
import { examples } from './catalogRegister.examples';

/**
 * `platform:catalog:register`: registers a published repository's
 * `catalog-info.yaml` as a `file` location and waits until its entity is in
 * the catalog. Registering is devops-only in the permission policy, so the
 * module does it with its own service credentials, and only for files in
 * the publish directory (what `platform:publish:local` wrote), never any
 * path a template names.
 */
export function createCatalogRegisterAction(options: {
  auth: AuthService;
  catalog: CatalogService;
  publishDir: string;
}) {
  const { auth, catalog, publishDir } = options;
  return createTemplateAction({
    id: 'platform:catalog:register',
    description:
      'Registers the catalog-info.yaml of a locally published repository in the catalog and waits for its entity',
    examples,
    schema: {
      input: {
        catalogInfoUrl: z =>
          z
            .string()
            .describe('file: URL (platform:publish:local catalogInfoUrl)'),
        timeoutSeconds: z =>
          z
            .number()
            .optional()
            .describe('How long to wait for the entity to appear (default 30)'),
      },
      output: {
        entityRef: z => z.string().describe('Ref of the registered entity'),
      },
    },
    async handler(ctx) {
      const { catalogInfoUrl } = ctx.input;
      let file: string;
      try {
        file = fileURLToPath(catalogInfoUrl);
      } catch {
        throw new InputError(
          `catalogInfoUrl '${catalogInfoUrl}' is not a file: URL`,
        );
      }
      // throws unless the file lies in the publish directory
      const target = resolveSafeChildPath(
        publishDir,
        path.relative(publishDir, file),
      );
      const document = parse(await fs.readFile(target, 'utf8'));
      if (!document?.kind || !document?.metadata?.name) {
        throw new InputError(`${catalogInfoUrl}: not a catalog entity`);
      }
      const entityRef = stringifyEntityRef({
        kind: document.kind,
        namespace: document.metadata.namespace,
        name: document.metadata.name,
      });
      const credentials = await auth.getOwnServiceCredentials();
      const location = { type: 'file', target };
      await ctx.checkpoint({
        key: `catalog-register:${target}`,
        fn: async () => {
          try {
            await catalog.addLocation(location, { credentials });
          } catch (e) {
            // registered by an earlier attempt: go on waiting for the entity
            if (!(isError(e) && e.name === 'ConflictError')) throw e;
          }
        },
      });
      const found = await waitForEntity({
        catalog,
        credentials,
        entityRef,
        refreshRef: stringifyEntityRef(
          locationSpecToLocationEntity({ location }),
        ),
        timeoutMs: (ctx.input.timeoutSeconds ?? 30) * 1000,
      });
      if (!found) {
        throw new Error(
          `${entityRef} is registered but was not in the catalog after ${
            ctx.input.timeoutSeconds ?? 30
          } s: see the catalog's processing errors for ${target}`,
        );
      }
      ctx.logger.info(`registered ${entityRef} from ${catalogInfoUrl}`);
      ctx.output('entityRef', entityRef);
    },
  });
}
