import { ChildProcess, spawn } from 'node:child_process';
import { eventually } from './backendProcess';

/**
 * A server the tests kill and start again with the same command line (same
 * port, same state directory), the way an operator or a crash would.
 */
export class RestartableProcess {
  private child?: ChildProcess;
  private readonly output: string[] = [];

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    /** Whether the server started at `startedAt` (ms) answers yet. */
    private readonly ready: (startedAt: number) => Promise<boolean>,
  ) {}

  /** Starts the process and waits until it answers. */
  async start(timeoutMs = 60_000): Promise<void> {
    const startedAt = Date.now();
    const child = spawn(this.command, this.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', d => this.output.push(String(d)));
    child.stderr!.on('data', d => this.output.push(String(d)));
    this.child = child;
    await eventually(
      async () => ((await this.ready(startedAt)) ? true : undefined),
      {
        timeoutMs,
        what: `${this.name} ready`,
        abort: () =>
          child.exitCode !== null || child.signalCode !== null
            ? `${this.name} exited:\n${this.log().slice(-2000)}`
            : undefined,
      },
    );
  }

  /** Kills the process (SIGKILL by default: no chance to say goodbye) and waits for its end. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = new Promise(resolve => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  log(): string {
    return this.output.join('');
  }
}
