import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, repoRoot } from './backendProcess';
import { RestartableProcess } from './restartableProcess';

/** Debian's Prometheus and Alertmanager binaries must be on PATH (.ci/run installs them). */
function requireAlertingBinaries(): void {
  const missing = ['prometheus', 'prometheus-alertmanager'].filter(
    bin =>
      !(process.env.PATH ?? '')
        .split(':')
        .some(d => fs.existsSync(path.join(d, bin))),
  );
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(
        ' and ',
      )} not on PATH: apt-get install prometheus prometheus-alertmanager`,
    );
  }
}

async function answers(url: string): Promise<boolean> {
  return (await fetch(url)).ok;
}

/**
 * The real Prometheus (the repo's rule files) and Alertmanager (the repo's
 * routing) on free loopback ports, each with a state directory that
 * survives a restart, as on a server.
 */
export async function alertingServers(): Promise<{
  prometheus: RestartableProcess;
  alertmanager: RestartableProcess;
  prometheusUrl: string;
  alertmanagerUrl: string;
}> {
  requireAlertingBinaries();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-alerting-'));
  const [promPort, amPort] = [await freePort(), await freePort()];
  const prometheusUrl = `http://127.0.0.1:${promPort}`;
  const alertmanagerUrl = `http://127.0.0.1:${amPort}`;
  fs.writeFileSync(
    path.join(dir, 'prometheus.yml'),
    `global: { evaluation_interval: 5s }
rule_files: ['${repoRoot}/deploy/prometheus/rules/*.yaml']
alerting:
  alertmanagers:
    - static_configs: [{ targets: ['127.0.0.1:${amPort}'] }]
`,
  );
  const prometheus = new RestartableProcess(
    'Prometheus',
    'prometheus',
    [
      `--config.file=${dir}/prometheus.yml`,
      `--storage.tsdb.path=${dir}/tsdb`,
      `--web.listen-address=127.0.0.1:${promPort}`,
    ],
    () => answers(`${prometheusUrl}/-/ready`),
  );
  const alertmanager = new RestartableProcess(
    'Alertmanager',
    'prometheus-alertmanager',
    [
      `--config.file=${repoRoot}/deploy/alertmanager/alertmanager.yml`,
      `--storage.path=${dir}/am`,
      `--web.listen-address=127.0.0.1:${amPort}`,
      '--cluster.listen-address=',
    ],
    () => answers(`${alertmanagerUrl}/-/ready`),
  );
  await Promise.all([prometheus.start(), alertmanager.start()]);
  return { prometheus, alertmanager, prometheusUrl, alertmanagerUrl };
}
