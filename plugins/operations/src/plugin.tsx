import {
  createFrontendModule,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageLayoutBlueprint } from '@backstage/plugin-home-react/alpha';
import { operationsTranslations } from './translations';

/** `translation:operations/ko`: the plugin's Korean messages. */
export const operationsTranslation = TranslationBlueprint.make({
  name: 'ko',
  params: { resource: operationsTranslations },
});

/**
 * `entity-card:operations/status`: the status strip on a component's
 * overview; app.extensions lists it first so it leads the content cards.
 */
export const operationsEntityStatusCard = EntityCardBlueprint.make({
  name: 'status',
  params: {
    type: 'content',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityStatusStrip').then(m => (
        <m.EntityStatusStrip />
      )),
  },
});

/** `entity-content:operations/operations`: a component's Operations tab. */
export const operationsEntityContent = EntityContentBlueprint.make({
  name: 'operations',
  params: {
    path: '/operations',
    title: 'Operations',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityOperationsContent').then(m => (
        <m.EntityOperationsContent />
      )),
  },
});

/**
 * The operations plugin for the new frontend system: the entity status
 * strip, the Operations tab and the Korean messages. The home page is
 * {@link operationsHomeModule}.
 *
 * @public
 */
export const operationsPlugin = createFrontendPlugin({
  pluginId: 'operations',
  extensions: [
    operationsTranslation,
    operationsEntityStatusCard,
    operationsEntityContent,
  ],
});

/** `home-page-layout:home/operations`: the operations overview as the home page. */
export const operationsHomePageLayout = HomePageLayoutBlueprint.make({
  name: 'operations',
  params: {
    loader: () =>
      import('./components/OperationsOverview').then(m => () => (
        <m.OperationsOverview />
      )),
  },
});

/**
 * Makes the operations overview the home page: a module of the `home`
 * plugin (its layout input is internal to it); install it with the app's
 * features.
 *
 * @public
 */
export const operationsHomeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [operationsHomePageLayout],
});
