/** `platform-sim --scenario default --port 6443 [--host 127.0.0.1] [--kubeconfig-out FILE]` */
import fs from 'node:fs';
import { startSimulator } from './simulator';
import { ScenarioError } from './scenario/load';
import { writePgBackRestInfoEvery } from './backups/writeInfoFile';

export interface CliArgs {
  scenario: string;
  port: number;
  host: string;
  kubeconfigOut?: string;
  caOut?: string;
  tlsDir?: string;
  timeScale: number;
  bookmarkIntervalMs?: number;
  /** Prometheus rule files directory (default `<repo>/deploy/prometheus/rules`). */
  rules?: string;
  /** Alertmanager configuration (default `<repo>/deploy/alertmanager/alertmanager.yml`). */
  alertmanagerConfig?: string;
  /** Prometheus configuration (default `<repo>/deploy/prometheus/prometheus.yml`). */
  prometheusConfig?: string;
  /** URL the portal-incidents receiver's notifications go to. */
  webhook?: string;
  /** File with the bearer token of those notifications. */
  webhookTokenFile?: string;
  /** Writes `pgbackrest info --output=json` of the scenario's clock there (every minute). */
  pgbackrestInfoOut?: string;
  /** Stanza of that file (default `trading-db`). */
  pgbackrestStanza: string;
  help: boolean;
}

export const USAGE = `Usage: platform-sim [--scenario NAME|FILE] [--port 6443] [--host 127.0.0.1]
                    [--kubeconfig-out FILE] [--ca-out FILE] [--tls-dir DIR] [--time-scale 1] [--bookmark-interval-ms 30000]
                    [--rules DIR] [--alertmanager-config FILE] [--prometheus-config FILE]
                    [--webhook URL [--webhook-token-file FILE]]
                    [--pgbackrest-info-out FILE [--pgbackrest-stanza trading-db]]

Serves a simulated Kubernetes API (and /metrics) for a scenario, plus a Prometheus
(/api/v1/rules, /api/v1/alerts, /api/v1/query) and Alertmanager (/api/v2/...) API whose
alerts come from the rule files in --rules (default <repo>/deploy/prometheus/rules).
The kubeconfig is printed to stdout unless --kubeconfig-out is given;
--ca-out writes the PEM certificate of its TLS listener (for a caFile setting);
--tls-dir keeps that certificate and its key in DIR and reuses them on the next start
(as a real cluster keeps its CA), instead of a new certificate per start.
--webhook sends the Alertmanager notifications of every receiver with webhook_configs
(portal-incidents: the portal's /api/incidents/webhooks/alertmanager) to URL, with the
bearer token read from --webhook-token-file; without it no notification is sent.
--pgbackrest-info-out writes what \`pgbackrest info --output=json\` would print for one stanza
at the scenario's time (full backups Sundays 01:00 Asia/Seoul, incrementals the other days,
WAL archived up to now), as a CronJob would for the portal, and rewrites it every minute.`;

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    scenario: 'default',
    port: 6443,
    host: '127.0.0.1',
    timeScale: 1,
    pgbackrestStanza: 'trading-db',
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const num = (v: string) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0)
        throw new Error(`${flag}: "${v}" is not a non-negative number`);
      return n;
    };
    switch (flag) {
      case '--scenario':
        args.scenario = value();
        break;
      case '--port':
        args.port = num(value());
        break;
      case '--host':
        args.host = value();
        break;
      case '--kubeconfig-out':
        args.kubeconfigOut = value();
        break;
      case '--ca-out':
        args.caOut = value();
        break;
      case '--tls-dir':
        args.tlsDir = value();
        break;
      case '--time-scale':
        args.timeScale = num(value());
        break;
      case '--bookmark-interval-ms':
        args.bookmarkIntervalMs = num(value());
        break;
      case '--rules':
        args.rules = value();
        break;
      case '--alertmanager-config':
        args.alertmanagerConfig = value();
        break;
      case '--prometheus-config':
        args.prometheusConfig = value();
        break;
      case '--webhook':
        args.webhook = value();
        break;
      case '--webhook-token-file':
        args.webhookTokenFile = value();
        break;
      case '--pgbackrest-info-out':
        args.pgbackrestInfoOut = value();
        break;
      case '--pgbackrest-stanza':
        args.pgbackrestStanza = value();
        break;
      case '-h':
      case '--help':
        args.help = true;
        break;
      default:
        throw new Error(`unknown argument ${a}`);
    }
  }
  if (args.webhookTokenFile && !args.webhook)
    throw new Error('--webhook-token-file needs --webhook');
  if (
    argv.some(a => a.startsWith('--pgbackrest-stanza')) &&
    !args.pgbackrestInfoOut
  )
    throw new Error('--pgbackrest-stanza needs --pgbackrest-info-out');
  return args;
}

export async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`platform-sim: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = Date.now();
  let sim;
  try {
    sim = await startSimulator({
      scenario: args.scenario,
      port: args.port,
      host: args.host,
      timeScale: args.timeScale,
      tlsDir: args.tlsDir,
      bookmarkIntervalMs: args.bookmarkIntervalMs,
      rulesDir: args.rules,
      alertmanagerConfig: args.alertmanagerConfig,
      prometheusConfig: args.prometheusConfig,
      webhook: args.webhook
        ? { url: args.webhook, tokenFile: args.webhookTokenFile }
        : undefined,
    });
  } catch (e) {
    const msg =
      e instanceof ScenarioError ? e.message : (e as Error).stack ?? String(e);
    process.stderr.write(`platform-sim: ${msg}\n`);
    return 1;
  }
  if (args.caOut) {
    fs.writeFileSync(args.caOut, sim.caCert);
  }
  if (args.kubeconfigOut) {
    fs.writeFileSync(args.kubeconfigOut, sim.kubeconfig, { mode: 0o600 });
  } else {
    process.stdout.write(`${sim.kubeconfig}---\n`);
  }
  let stopInfo = () => {};
  if (args.pgbackrestInfoOut) {
    stopInfo = writePgBackRestInfoEvery(
      60_000,
      args.pgbackrestInfoOut,
      args.pgbackrestStanza,
      () => sim.sim.nowMs(),
    );
  }
  for (const line of sim.alertingLog)
    process.stderr.write(`platform-sim: ${line}\n`);
  const pods = sim.sim.store.count('pods');
  const nodes = sim.sim.store.count('nodes');
  process.stdout.write(
    `platform-sim ready: cluster ${sim.cluster} at ${sim.url} (scenario ${
      sim.sim.scenario.name
    }, ${nodes} nodes, ${pods} pods, started in ${Date.now() - started} ms)\n`,
  );
  await new Promise<void>(resolve => {
    const stop = (signal: string) => {
      process.stderr.write(`platform-sim: ${signal}, stopping\n`);
      stopInfo();
      sim.stop().then(resolve, resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    code => process.exit(code),
    e => {
      process.stderr.write(`platform-sim: ${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
}
