import { readFile, stat } from 'node:fs/promises';
import { runCommand } from './runCommand';

export interface InfoSource {
  /** argv of `pgbackrest … info --output=json`, run without a shell */
  command?: readonly string[];
  /** or the file a CronJob writes it to */
  file?: string;
  timeoutSeconds: number;
  maxOutputBytes: number;
}

/**
 * The text of `pgbackrest info --output=json`, from the command (killed past
 * the timeout or the size limit) or the file (refused past the size limit).
 */
export async function readPgBackRestInfo(source: InfoSource): Promise<string> {
  const { command, file, maxOutputBytes, timeoutSeconds } = source;
  if (command) {
    return runCommand(command, {
      timeoutMs: timeoutSeconds * 1000,
      maxOutputBytes,
    });
  }
  if (!file) {
    throw new Error('no pgbackrest command or file configured');
  }
  const { size } = await stat(file);
  if (size > maxOutputBytes) {
    throw new Error(
      `${file} holds ${size} bytes, more than the limit of ${maxOutputBytes}`,
    );
  }
  return readFile(file, 'utf8');
}
