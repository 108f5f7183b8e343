/** Bytes in binary units with three significant digits: `1.23 GiB`. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) {
    return '—';
  }
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0
    ? `${bytes} B`
    : `${value.toPrecision(3).replace(/\.?0+$/, '')} ${units[unit]}`;
}

/** How long a backup ran, or undefined while it runs / when unknown. */
export function backupDurationMs(backup: {
  startedAt: string;
  stoppedAt?: string;
}): number | undefined {
  if (!backup.stoppedAt) {
    return undefined;
  }
  return Date.parse(backup.stoppedAt) - Date.parse(backup.startedAt);
}
