import { parseEntityRef } from '@backstage/catalog-model';
import { text } from '@fdp/platform-node';
import { z } from 'zod';

const EXAMPLE = 'Required, e.g. component:default/trading-api';

/** `entityRef=kind:namespace/name` (kind required, namespace defaulted) as a ref. */
export const entityRefParam = text(512, { required_error: EXAMPLE })
  .min(1, EXAMPLE)
  .transform((value, ctx) => {
    try {
      return parseEntityRef(value, { defaultNamespace: 'default' });
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  });
