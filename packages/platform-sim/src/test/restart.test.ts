/**
 * A restarted simulator keeps its certificate when given a TLS directory (as
 * a real cluster keeps its CA), and a rotated token replaces the old one.
 */
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { startSimulator, RunningSimulator } from '../simulator';
import { CERT_FILE, KEY_FILE } from '../http/persistentCert';

function getStatus(
  url: string,
  ca: string,
  token: string,
): Promise<number | string> {
  return new Promise(resolve => {
    const req = https.get(
      `${url}/api/v1/namespaces`,
      { ca, headers: { Authorization: `Bearer ${token}` } },
      res => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', e =>
      resolve((e as NodeJS.ErrnoException).code ?? e.message),
    );
  });
}

describe('simulator restarts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-tls-'));
  let sim: RunningSimulator | undefined;
  afterEach(async () => sim?.stop());
  afterAll(() => fs.rmSync(dir, { recursive: true }));

  it('keeps its certificate in tlsDir across restarts, and makes a new one without it', async () => {
    sim = await startSimulator({
      clock: 'manual',
      rulesDir: false,
      tlsDir: dir,
    });
    const first = sim.caCert;
    expect(fs.readFileSync(path.join(dir, CERT_FILE), 'utf8')).toBe(first);
    expect(fs.statSync(path.join(dir, KEY_FILE)).mode & 0o077).toBe(0);
    const port = sim.port;
    await sim.stop();

    sim = await startSimulator({
      clock: 'manual',
      rulesDir: false,
      tlsDir: dir,
      port,
    });
    expect(sim.caCert).toBe(first);
    // a client that kept the first CA still trusts the restarted simulator
    expect(await getStatus(sim.httpsUrl, first, sim.token)).toBe(200);
    await sim.stop();

    sim = await startSimulator({ clock: 'manual', rulesDir: false, port });
    expect(sim.caCert).not.toBe(first);
    expect(await getStatus(sim.httpsUrl, first, sim.token)).toBe(
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    );
  });

  it('accepts only the rotated token after setToken', async () => {
    sim = await startSimulator({ clock: 'manual', rulesDir: false });
    const old = sim.token;
    expect(await getStatus(sim.httpsUrl, sim.caCert, old)).toBe(200);
    sim.setToken('rotated-token');
    expect(sim.token).toBe('rotated-token');
    expect(await getStatus(sim.httpsUrl, sim.caCert, old)).toBe(401);
    expect(await getStatus(sim.httpsUrl, sim.caCert, 'rotated-token')).toBe(
      200,
    );
  });
});
