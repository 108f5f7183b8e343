import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Lint the manifests in k8s/ (fails on an error finding)',
    example: stringify({
      steps: [
        {
          id: 'lint',
          action: 'platform:manifests:lint',
          name: 'Lint manifests',
          input: { path: 'k8s' },
        },
      ],
    }),
  },
];
