import type { Entity } from '@backstage/catalog-model';
import { backupTargetNames, isBackupsAvailable } from './annotation';

const entity = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'trading-api', annotations },
});

describe('backupTargetNames', () => {
  it('splits the comma-separated annotation, trims and drops blanks and repeats', () => {
    expect(
      backupTargetNames(
        entity({
          'fdp.io/backup-targets': ' trading-db, ,cluster-snapshots,trading-db',
        }),
      ),
    ).toEqual(['trading-db', 'cluster-snapshots']);
  });

  it('is empty without the annotation', () => {
    expect(backupTargetNames(entity())).toEqual([]);
    expect(isBackupsAvailable(entity())).toBe(false);
    expect(
      isBackupsAvailable(entity({ 'fdp.io/backup-targets': 'trading-db' })),
    ).toBe(true);
  });
});
