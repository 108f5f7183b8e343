import fs from 'node:fs';
import { pgBackRestInfo } from './pgBackRestInfo';

/**
 * Writes the stanza's `pgbackrest info` JSON at the scenario time now and
 * every `intervalMs` (through a temporary file and a rename, so a reader
 * never sees half a file); returns the function that stops it.
 */
export function writePgBackRestInfoEvery(
  intervalMs: number,
  file: string,
  stanza: string,
  nowMs: () => number,
): () => void {
  const write = () => {
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, pgBackRestInfo({ stanza, nowMs: nowMs() }));
    fs.renameSync(tmp, file);
  };
  write();
  const timer = setInterval(write, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
