/**
 * The simulator's TLS certificate kept in a directory, as a real cluster
 * keeps its CA across restarts: clients holding the CA (the portal's
 * `caFile`, a kubeconfig) keep trusting a restarted simulator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createSelfSignedCert, SelfSignedCert } from './selfSignedCert';

export const CERT_FILE = 'platform-sim-tls.crt';
export const KEY_FILE = 'platform-sim-tls.key';

/**
 * The certificate and key in `dir` when both are there, otherwise new ones
 * written there (the key readable by the owner only).
 */
export async function loadOrCreateCert(
  dir: string,
  extraHosts: string[] = [],
): Promise<SelfSignedCert & { reused: boolean }> {
  const certFile = path.join(dir, CERT_FILE);
  const keyFile = path.join(dir, KEY_FILE);
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    return {
      certPem: fs.readFileSync(certFile, 'utf8'),
      keyPem: fs.readFileSync(keyFile, 'utf8'),
      reused: true,
    };
  }
  const cert = await createSelfSignedCert(extraHosts);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(keyFile, cert.keyPem, { mode: 0o600 });
  fs.writeFileSync(certFile, cert.certPem);
  return { ...cert, reused: false };
}
