import type { Entity } from '@backstage/catalog-model';

/**
 * The annotation naming an entity's backup targets, comma-separated (e.g.
 * `trading-db,cluster-snapshots`).
 *
 * @public
 */
export const BACKUP_TARGETS_ANNOTATION = 'fdp.io/backup-targets';

/**
 * The entity's backup target names, in annotation order, without blanks.
 *
 * @public
 */
export function backupTargetNames(entity: Entity): string[] {
  const value = entity.metadata.annotations?.[BACKUP_TARGETS_ANNOTATION] ?? '';
  return [
    ...new Set(
      value
        .split(',')
        .map(name => name.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Whether the entity names backup targets (legacy apps: show
 * `EntityBackupsCard` where this is true).
 *
 * @public
 */
export function isBackupsAvailable(entity: Entity): boolean {
  return backupTargetNames(entity).length > 0;
}
