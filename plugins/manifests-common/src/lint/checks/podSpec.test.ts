import { cleanService, podOf } from '../../testing/cleanService';
import { lintManifests } from '../lintManifests';

const of = (objects: any[], ruleId: string) =>
  lintManifests(objects).filter(f => f.ruleId === ruleId);

describe('pod spec rules', () => {
  it('are all quiet on a generated service', () => {
    const findings = lintManifests(cleanService());
    expect(findings).toEqual([]);
  });

  it('PROBES_MISSING names the container and the probes it lacks', () => {
    const objects = cleanService();
    delete podOf(objects).containers[0].livenessProbe;
    expect(
      of(objects, 'PROBES_MISSING').map(f => [f.severity, f.message]),
    ).toEqual([
      [
        'warning',
        'container svc has no livenessProbe: traffic reaches pods before they are ready and hung pods are never restarted',
      ],
    ]);
  });

  it('PROBES_MISSING does not ask a Job for probes', () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: { template: { spec: { containers: [{ name: 'j', image: 'j' }] } } },
    };
    expect(of([job], 'PROBES_MISSING')).toEqual([]);
    expect(of([job], 'RESOURCES_NO_LIMITS')).toHaveLength(1);
  });

  it('RESOURCES_NO_LIMITS fires without a cpu or memory limit, init containers included', () => {
    const objects = cleanService();
    delete podOf(objects).containers[0].resources.limits.memory;
    podOf(objects).initContainers = [
      { name: 'migrate', image: 'm', securityContext: { runAsNonRoot: true } },
    ];
    expect(of(objects, 'RESOURCES_NO_LIMITS').map(f => f.message)).toEqual([
      'container migrate has no cpu or memory limit: it can starve the other pods of its node',
      'container svc has no memory limit: it can starve the other pods of its node',
    ]);
  });

  it('RUNS_AS_ROOT fires without runAsNonRoot or a user, and for runAsUser 0 even with runAsNonRoot', () => {
    const maybe = cleanService();
    delete podOf(maybe).securityContext;
    expect(of(maybe, 'RUNS_AS_ROOT').map(f => [f.severity, f.message])).toEqual(
      [
        [
          'error',
          'container svc may run as root: nothing sets runAsNonRoot: true or a non-zero runAsUser',
        ],
      ],
    );
    const explicit = cleanService();
    podOf(explicit).containers[0].securityContext = { runAsUser: 0 };
    expect(of(explicit, 'RUNS_AS_ROOT').map(f => f.message)).toEqual([
      'container svc runs as root (runAsUser: 0)',
    ]);
    const containerLevel = cleanService();
    delete podOf(containerLevel).securityContext;
    podOf(containerLevel).containers[0].securityContext = { runAsUser: 1000 };
    expect(of(containerLevel, 'RUNS_AS_ROOT')).toEqual([]);
  });

  it('SERVICE_ACCOUNT_DEFAULT fires without serviceAccountName or with default', () => {
    const none = cleanService();
    delete podOf(none).serviceAccountName;
    expect(of(none, 'SERVICE_ACCOUNT_DEFAULT')).toHaveLength(1);
    const explicitDefault = cleanService();
    podOf(explicitDefault).serviceAccountName = 'default';
    expect(of(explicitDefault, 'SERVICE_ACCOUNT_DEFAULT')).toHaveLength(1);
  });
});
