import fs from 'node:fs';

/**
 * Resident set size of another process in bytes, from Linux's
 * /proc/<pid>/status (the backend under test is a child process, so its
 * own process.memoryUsage() is out of reach).
 */
export function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) {
    throw new Error(`no VmRSS in /proc/${pid}/status`);
  }
  return Number(match[1]) * 1024;
}
