import { execFile } from 'node:child_process';

/** Why a provider command gave no usable output, in words for the target. */
export class CommandError extends Error {
  name = 'CommandError';
}

export interface CommandOptions {
  timeoutMs: number;
  maxOutputBytes: number;
}

/**
 * Runs `command[0]` with the other elements as its arguments (execFile: no
 * shell, nothing is interpolated) and resolves its stdout. A non-zero exit,
 * a timeout or more than `maxOutputBytes` of output kills it (SIGKILL) and
 * rejects with a `CommandError` saying which, with the end of its stderr.
 */
export function runCommand(
  command: readonly string[],
  options: CommandOptions,
): Promise<string> {
  const [file, ...args] = command;
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        timeout: options.timeoutMs,
        maxBuffer: options.maxOutputBytes,
        killSignal: 'SIGKILL',
        encoding: 'utf8',
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        const tail = lastLine(stderr);
        const err = error as NodeJS.ErrnoException & {
          killed?: boolean;
          code?: string | number;
        };
        if (err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          reject(
            new CommandError(
              `${file} printed more than ${options.maxOutputBytes} bytes and was stopped`,
            ),
          );
        } else if (err.killed) {
          reject(
            new CommandError(
              `${file} did not finish within ${options.timeoutMs} ms and was stopped`,
            ),
          );
        } else if (typeof err.code === 'number') {
          reject(
            new CommandError(
              `${file} exited with code ${err.code}${tail ? `: ${tail}` : ''}`,
            ),
          );
        } else {
          reject(new CommandError(`${file} could not be run: ${err.message}`));
        }
      },
    );
  });
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return (lines[lines.length - 1] ?? '').slice(0, 500);
}
