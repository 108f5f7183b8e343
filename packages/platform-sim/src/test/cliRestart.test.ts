/**
 * `bin/platform-sim --tls-dir DIR` as scripts/dev.sh runs it: killed and
 * started again, the process serves the same certificate (and writes it to
 * --ca-out again), so a backend holding that CA keeps trusting it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bin = path.resolve(__dirname, '../../bin/platform-sim');

/** Starts the CLI; resolves with the process once it printed its ready line. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('platform-sim ready')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', code =>
      reject(new Error(`platform-sim exited with ${code}: ${output}`)),
    );
  });
  return { child, ready };
}

describe('platform-sim --tls-dir', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-cli-tls-'));
  afterAll(() => fs.rmSync(dir, { recursive: true }));

  it('serves the same certificate after being killed and started again', async () => {
    const caOut = path.join(dir, 'ca.crt');
    const args = [
      '--port',
      '0',
      '--tls-dir',
      dir,
      '--ca-out',
      caOut,
      '--kubeconfig-out',
      path.join(dir, 'kubeconfig'),
    ];
    const certs: string[] = [];
    for (let run = 0; run < 2; run++) {
      const { child, ready } = startCli(args);
      try {
        await ready;
        certs.push(fs.readFileSync(caOut, 'utf8'));
      } finally {
        child.kill('SIGKILL');
      }
      fs.rmSync(caOut);
    }
    expect(certs[0]).toContain('BEGIN CERTIFICATE');
    expect(certs[1]).toBe(certs[0]);
    expect(
      fs.readFileSync(path.join(dir, 'platform-sim-tls.crt'), 'utf8'),
    ).toBe(certs[0]);
  }, 60_000);
});
