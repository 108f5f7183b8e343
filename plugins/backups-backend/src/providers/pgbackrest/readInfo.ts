import { readFile, stat } from 'node:fs/promises';
import { ProviderError } from '../types';
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
    throw new ProviderError('no pgbackrest command or file configured');
  }
  // the path and the system error stay in the log (`cause`): not for API answers
  const unreadable = (cause: unknown) =>
    new ProviderError('info file unreadable (details in the backend log)', {
      cause,
    });
  const { size } = await stat(file).catch(e => {
    throw unreadable(e);
  });
  if (size > maxOutputBytes) {
    throw new ProviderError(
      `info file holds ${size} bytes, more than the limit of ${maxOutputBytes}`,
    );
  }
  return readFile(file, 'utf8').catch(e => {
    throw unreadable(e);
  });
}
