import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { operationsHomeModule } from '@fdp/plugin-operations';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

// Plugins listed in package.json are discovered (app.packages: all); these
// are the app's own modules, and the home page's operations overview (a
// module of the home plugin, which discovery does not pick up).
export default createApp({
  features: [catalogPlugin, navModule, operationsHomeModule, signInModule],
});
