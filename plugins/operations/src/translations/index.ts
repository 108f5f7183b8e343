import { createTranslationResource } from '@backstage/frontend-plugin-api';
import { operationsTranslationRef } from '../translation';

/** The plugin's messages in every language besides English. */
export const operationsTranslations = createTranslationResource({
  ref: operationsTranslationRef,
  translations: {
    ko: () => import('./ko'),
  },
});
