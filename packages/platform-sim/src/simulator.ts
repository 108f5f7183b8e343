/** Starting and stopping a simulator: the programmatic API. */
import net, { AddressInfo } from 'node:net';
import https from 'node:https';
import { createSelfSignedCert, SelfSignedCert } from './http/selfSignedCert';
import { loadOrCreateCert } from './http/persistentCert';
import { loadScenario } from './scenario/load';
import { Scenario, scenarioSchema } from './scenario/schema';
import { Simulation } from './sim/Simulation';
import { SimClock, ClockMode } from './util/clock';
import { createApiServer } from './http/server';
import { buildKubeconfig } from './kubeconfig';
import type { StatsSnapshot } from './http/stats';
import { eventSchema, ScenarioEvent } from './scenario/schema';
import { Alerting } from './alerting/Alerting';
import type { RuleAlert } from './alerting/RuleEngine';
import type { AlertQuery, GettableAlert } from './alerting/alertmanager';
import type { WebhookTarget } from './alerting/webhookSender';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown
  ? Omit<T, K>
  : never;

/** A scenario event without its time, for {@link RunningSimulator.trigger}. */
export type ScenarioEventInput = DistributiveOmit<
  ScenarioEvent,
  'at' | 'over' | 'index' | 'exitCode'
> & {
  at?: number;
  over?: number;
  index?: number;
  exitCode?: number;
};

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** Scenario name (`default`, `large`), path to a YAML file, or an already parsed scenario. */
  scenario?: string | Scenario;
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /**
   * `realtime` (default): scenario time follows the wall clock × `timeScale`.
   * `manual`: time moves only through `advance()` (for tests).
   */
  clock?: ClockMode;
  /** Scenario seconds per wall-clock second in realtime mode (default 1). */
  timeScale?: number;
  /** Milliseconds between watch BOOKMARK events (default 30000). */
  bookmarkIntervalMs?: number;
  /** Override the scenario's API token. */
  token?: string;
  /**
   * TLS certificate and key of the HTTPS side (default: a new self-signed
   * one per start, unless `tlsDir` is given).
   */
  tls?: SelfSignedCert;
  /**
   * Directory keeping the certificate across restarts
   * (`platform-sim-tls.crt` / `.key`): reused when present, created there
   * otherwise. Ignored when `tls` is given.
   */
  tlsDir?: string;
  /** Include per-pod work on /metrics (default: true unless the scenario has > 20000 pods). */
  perPodMetrics?: boolean;
  /**
   * Directory of Prometheus rule files (default `<repo>/deploy/prometheus/rules`); `false` serves
   * no rules. A missing directory serves none (see `alertingLog`).
   */
  rulesDir?: string | false;
  /**
   * Alertmanager configuration whose `route` and `inhibit_rules` apply (default
   * `<repo>/deploy/alertmanager/alertmanager.yml`); missing or `false` → the built-in one.
   */
  alertmanagerConfig?: string | false;
  /**
   * Prometheus configuration for `global.evaluation_interval` / `external_labels` (default
   * `<repo>/deploy/prometheus/prometheus.yml`; missing or `false`: 15 s, no external labels).
   */
  prometheusConfig?: string | false;
  /** Evaluation interval of rule groups without their own `interval` (seconds; overrides the config). */
  ruleEvaluationIntervalSeconds?: number;
  /**
   * Sends the Alertmanager notifications of receivers with `webhook_configs` (the portal's
   * incident webhook in `alertmanager.yml`) to this URL; none are sent without it.
   */
  webhook?: WebhookTarget;
}

/** A running simulator. */
export interface RunningSimulator {
  /** Base URL, e.g. `http://127.0.0.1:6443` (the same port also speaks HTTPS). */
  url: string;
  /** HTTPS base URL on the same port (self-signed certificate, see `caCert`). */
  httpsUrl: string;
  /** PEM of the self-signed certificate the HTTPS side presents. */
  caCert: string;
  port: number;
  host: string;
  /** Bearer token API requests need (the current one, see `setToken`). */
  readonly token: string;
  /**
   * Replaces the bearer token, as when a service-account token is rotated
   * and the old one revoked: open watches end, the old token gets 401.
   */
  setToken(token: string): void;
  /** Cluster name from the scenario. */
  cluster: string;
  /**
   * Kubeconfig (YAML) for kubectl: the HTTPS URL with `certificate-authority-data`
   * (kubectl only sends bearer tokens over TLS).
   */
  kubeconfig: string;
  /** Kubeconfig with the plain HTTP URL (for clients that send tokens over HTTP). */
  kubeconfigHttp: string;
  /**
   * This cluster as an entry of Backstage's
   * `kubernetes.clusterLocatorMethods[type=config].clusters` (HTTPS, CA data,
   * `serviceAccount` auth with the token).
   */
  backstageCluster: {
    name: string;
    url: string;
    caData: string;
    authProvider: 'serviceAccount';
    serviceAccountToken: string;
  };
  /** The simulation (store, cluster, usage model) for white-box tests. */
  sim: Simulation;
  /** Simulated Prometheus rule engine and Alertmanager. */
  alerting: Alerting;
  /** What the alerting side loaded from where (rule files, Alertmanager configuration). */
  alertingLog: string[];
  /** Pending and firing alerts of the rule engine (`GET /api/v1/alerts` data). */
  alerts(): RuleAlert[];
  /** Alerts in the Alertmanager (`GET /api/v2/alerts`). */
  alertmanagerAlerts(query?: AlertQuery): GettableAlert[];
  /** Scenario seconds since start. */
  elapsed(): number;
  /** Moves scenario time forward, applying every event due. */
  advance(seconds: number): void;
  /** Applies a scenario event now (`at` is ignored). */
  trigger(event: ScenarioEventInput): void;
  /** Request and response-byte counters. */
  stats(): StatsSnapshot;
  resetStats(): void;
  /** Ends all open watch streams. */
  closeWatches(): number;
  /** Simulated outage: API requests get 503 while on. */
  setOutage(on: boolean): void;
  /** Stops the server (closes watches and connections). */
  stop(): Promise<void>;
}

/** Loads a scenario, builds the cluster and starts serving it. */
export async function startSimulator(
  options: SimulatorOptions = {},
): Promise<RunningSimulator> {
  const scenario =
    typeof options.scenario === 'object'
      ? scenarioSchema.parse(options.scenario)
      : loadScenario(options.scenario ?? 'default');
  const clock = new SimClock({
    mode: options.clock ?? 'realtime',
    timeScale: options.timeScale ?? 1,
    startTime: scenario.cluster.startTime
      ? new Date(scenario.cluster.startTime)
      : undefined,
  });
  const sim = new Simulation(scenario, clock);
  sim.load();
  const token = options.token ?? scenario.cluster.token;
  const perPodMetrics =
    options.perPodMetrics ?? sim.store.count('pods') <= 20_000;
  let url = '';
  const alerting = new Alerting(sim, {
    rulesDir: options.rulesDir,
    alertmanagerConfig: options.alertmanagerConfig,
    prometheusConfig: options.prometheusConfig,
    evaluationIntervalSeconds: options.ruleEvaluationIntervalSeconds,
    externalUrl: () => url,
    perPodMetrics,
    webhook: options.webhook,
  });
  const api = createApiServer(sim, token, {
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 30_000,
    perPodMetrics,
    alerting,
  });
  const host = options.host ?? '127.0.0.1';
  const extraHosts = ['localhost', '127.0.0.1', '::1'].includes(host)
    ? []
    : [host];
  const cert =
    options.tls ??
    (options.tlsDir
      ? await loadOrCreateCert(options.tlsDir, extraHosts)
      : await createSelfSignedCert(extraHosts));
  const httpsServer = https.createServer(
    { cert: cert.certPem, key: cert.keyPem },
    api.handler,
  );
  httpsServer.on('tlsClientError', (_e, socket) => socket.destroy());
  const sockets = new Set<net.Socket>();
  // one port, two protocols: a TLS handshake starts with 0x16
  const front = net.createServer(socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', first => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? httpsServer : api.server).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port ?? 0, host, () => {
      front.off('error', reject);
      resolve();
    });
  });
  const port = (front.address() as AddressInfo).port;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  url = `http://${hostPart}:${port}`;
  const httpsUrl = `https://${hostPart}:${port}`;
  const ticker =
    clock.mode === 'realtime'
      ? setInterval(() => {
          try {
            sim.step();
          } catch (e) {
            process.stderr.write(
              `platform-sim: step failed: ${(e as Error).stack}\n`,
            );
          }
        }, 1000)
      : undefined;
  ticker?.unref();
  void sim.warmJsonCache();
  let stopped = false;
  let currentToken = token;
  return {
    url,
    httpsUrl,
    caCert: cert.certPem,
    port,
    host,
    get token() {
      return currentToken;
    },
    setToken: t => {
      currentToken = t;
      api.setToken(t);
    },
    cluster: scenario.cluster.name,
    kubeconfig: buildKubeconfig(
      scenario.cluster.name,
      httpsUrl,
      token,
      cert.certPem,
    ),
    kubeconfigHttp: buildKubeconfig(scenario.cluster.name, url, token),
    backstageCluster: {
      name: scenario.cluster.name,
      url: httpsUrl,
      caData: Buffer.from(cert.certPem).toString('base64'),
      authProvider: 'serviceAccount',
      serviceAccountToken: token,
    },
    sim,
    alerting,
    alertingLog: alerting.messages,
    alerts: () => {
      sim.step();
      return alerting.engine.alerts();
    },
    alertmanagerAlerts: query => {
      sim.step();
      return alerting.alertmanager.alerts(query);
    },
    elapsed: () => sim.elapsed(),
    advance: seconds => sim.advance(seconds),
    trigger: event => {
      sim.step();
      sim.applyEvent(eventSchema.parse({ at: 0, ...event }));
    },
    stats: () =>
      api.stats.snapshot({
        active: api.watches.active,
        started: api.watches.started,
        eventsSent: api.watches.eventsSent,
      }),
    resetStats: () => api.stats.reset(),
    closeWatches: () => api.watches.closeAll(),
    setOutage: on => api.setOutage(on),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (ticker) clearInterval(ticker);
      alerting.stop();
      api.watches.closeAll();
      await new Promise<void>(resolve => {
        front.close(() => resolve());
        api.server.closeAllConnections();
        httpsServer.closeAllConnections();
        for (const s of sockets) s.destroy();
      });
    },
  };
}
