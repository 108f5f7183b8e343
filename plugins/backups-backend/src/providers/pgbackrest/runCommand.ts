import { spawn } from 'node:child_process';
import path from 'node:path';
import { ProviderError } from '../types';

/**
 * Why a provider command gave no usable output, in words for the target:
 * the command by its file name (not its path) and the last line of its
 * stderr (pgBackRest's own words).
 */
export class CommandError extends ProviderError {
  name = 'CommandError';
}

export interface CommandOptions {
  timeoutMs: number;
  maxOutputBytes: number;
}

const STDERR_KEEP = 64 * 1024;

/**
 * Runs `command[0]` with the other elements as its arguments (no shell,
 * nothing is interpolated) and resolves its stdout. A non-zero exit, a
 * timeout or more than `maxOutputBytes` of output rejects with a
 * `CommandError` saying which, with the last line of its stderr. On a
 * timeout or too much output the whole process group is killed (SIGKILL):
 * a wrapper such as `runuser … pgbackrest` or `kubectl exec` would otherwise
 * leave its child running. `spawn` rather than `execFile`: execFile neither
 * passes `detached` (a process group of its own) nor kills more than the
 * child.
 */
export function runCommand(
  command: readonly string[],
  options: CommandOptions,
): Promise<string> {
  const [file, ...args] = command;
  const name = path.basename(file);
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let failure: CommandError | undefined;
    const stop = (error: CommandError) => {
      if (failure) return;
      failure = error;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(
      () =>
        stop(
          new CommandError(
            `${name} did not finish within ${options.timeoutMs} ms and was stopped`,
          ),
        ),
      options.timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > options.maxOutputBytes) {
        stop(
          new CommandError(
            `${name} printed more than ${options.maxOutputBytes} bytes and was stopped`,
          ),
        );
      } else if (!failure) {
        stdout.push(chunk);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.on('error', error => {
      clearTimeout(timer);
      const code = (error as NodeJS.ErrnoException).code;
      reject(
        new CommandError(
          `${name} could not be run${code ? ` (${code})` : ''}`,
          {
            cause: error,
          },
        ),
      );
    });
    // 'exit', not 'close': a grandchild still holding the pipes must not keep us waiting
    child.on('exit', code => {
      clearTimeout(timer);
      child.stdout.destroy();
      child.stderr.destroy();
      if (failure) {
        reject(failure);
      } else if (code !== 0) {
        const tail = lastLine(stderr);
        reject(
          new CommandError(
            `${name} exited with code ${code}${tail ? `: ${tail}` : ''}`,
          ),
        );
      } else {
        resolve(Buffer.concat(stdout).toString('utf8'));
      }
    });
  });
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return (lines[lines.length - 1] ?? '').slice(0, 500);
}
