import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

// What the portal answers, with the places to look. The operational views
// (cluster health, alerts, incidents, backups) add their own home cards.
const content = `
**Financial data & AI platform — operations portal**

- **Services**: every collector, processing, AI and API service of the
  platform in the [catalog](/catalog?filters[kind]=component), with owners,
  APIs and the resources they depend on.
- **trading-api**: its [overview](/catalog/default/component/trading-api),
  Kubernetes workloads and relations.
- **Create a service**: collector, stream-processing, inference and API
  services from the documented manifests, in [Create](/create).
- **APIs**: the REST and WebSocket APIs in [API docs](/api-docs).
`;

const platformWidget = HomePageWidgetBlueprint.make({
  name: 'platform',
  params: {
    name: 'FdpPlatform',
    title: 'The platform',
    description: 'Where to look in the operations portal',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [platformWidget],
});
