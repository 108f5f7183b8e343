import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Server-side apply the manifests in k8s/ to the cluster fdp-cluster, namespace dev',
    example: stringify({
      steps: [
        {
          id: 'apply',
          action: 'kubernetes:apply',
          name: 'Apply to the cluster',
          input: { cluster: 'fdp-cluster', namespace: 'dev', path: 'k8s' },
        },
      ],
    }),
  },
];
