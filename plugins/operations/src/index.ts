/**
 * Operations: the operations overview as the home page (cluster health,
 * alerts, incidents, backups), the status strip first on a component's
 * overview and the component's Operations tab; English and Korean.
 *
 * @packageDocumentation
 */
import { operationsPlugin } from './plugin';

export default operationsPlugin;

export {
  operationsPlugin,
  operationsHomeModule,
  operationsHomePageLayout,
  operationsTranslation,
  operationsEntityStatusCard,
  operationsEntityContent,
} from './plugin';
export { operationsTranslationRef } from './translation';
export { operationsTranslations } from './translations';
