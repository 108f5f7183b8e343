import { durationInWords } from '@fdp/plugin-backups-common';
import type { TargetSummary } from '@fdp/plugin-backups-common';

/** One block per target: status, violations, recovery window, RPO, next due. */
export function formatText(targets: readonly TargetSummary[]): string {
  return targets
    .map(t => {
      const lines = [
        `${t.name}: ${t.status.toUpperCase()} (policy ${t.policy})`,
      ];
      for (const v of t.violations) {
        lines.push(`  ${v.code} (${v.severity}): ${v.message}`);
      }
      lines.push(
        t.recoveryWindow
          ? `  recovery window: ${t.recoveryWindow.from} → ${t.recoveryWindow.to} (${t.recoveryWindow.toBasis})`
          : '  recovery window: none',
      );
      if (t.rpoMs !== undefined) {
        lines.push(`  RPO: ${durationInWords(t.rpoMs)}`);
      }
      lines.push(
        `  next full: ${t.nextDue.full}${
          t.nextDue.incremental
            ? `, next incremental: ${t.nextDue.incremental}`
            : ''
        }`,
      );
      return lines.join('\n');
    })
    .join('\n\n')
    .concat('\n');
}
