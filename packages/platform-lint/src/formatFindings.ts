import { Finding, formatRef } from '@fdp/plugin-manifests-common';

/** A finding with the file and line of the object it is about. */
export interface LocatedFinding extends Finding {
  file?: string;
  line?: number;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** One block per finding (location, severity, rule id, object; message; fix), then a summary line. */
export function formatText(findings: LocatedFinding[]): string {
  const blocks = findings.map(f => {
    const where = f.file ? `${f.file}:${f.line} ` : '';
    return `${where}${f.severity} ${f.ruleId} ${formatRef(f.object)}\n  ${
      f.message
    }\n  fix: ${f.fix}\n`;
  });
  const errors = findings.filter(f => f.severity === 'error').length;
  const summary =
    findings.length === 0
      ? 'no findings\n'
      : `${count(findings.length, 'finding')}: ${count(
          errors,
          'error',
        )}, ${count(findings.length - errors, 'warning')}\n`;
  return [...blocks, summary].join('\n');
}

/** `{ findings, errors, warnings }` for machines. */
export function formatJson(findings: LocatedFinding[]): string {
  const errors = findings.filter(f => f.severity === 'error').length;
  return `${JSON.stringify(
    { findings, errors, warnings: findings.length - errors },
    null,
    2,
  )}\n`;
}
