import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ALERT_ANNOTATIONS,
  AlertFilters,
  AlertRule,
  AlertsResponse,
  CreateSilenceRequest,
  MatcherSyntaxError,
  NormalizedAlert,
  RulesResponse,
  Silence,
  SilencesResponse,
  SourceError as SourceErrorInfo,
  alertMatchesFilters,
  compileMatchers,
  countByPriority,
  entityMatchesAlert,
  parseMatchers,
  parseSilenceDuration,
  priorityOf,
  priorityRank,
} from '@fdp/plugin-alerts-common';
import { AlertsConfig } from '../config';
import { AlertmanagerClient, PrometheusClient } from '../sources/clients';
import { SourceError } from '../sources/http';
import {
  fromAlertmanager,
  fromAmSilence,
  fromPrometheus,
  mergeAlerts,
} from './normalize';

/** How long the list of annotated entities is reused (an empty one only briefly: the catalog may still be loading). */
const ENTITY_CACHE_MS = 30_000;
const EMPTY_ENTITY_CACHE_MS = 2_000;

/** A 4xx answer of a source: the request was wrong, not the source. */
function isRefusal(e: unknown): e is SourceError & { upstreamStatus: number } {
  return (
    e instanceof SourceError &&
    e.upstreamStatus !== undefined &&
    e.upstreamStatus >= 400 &&
    e.upstreamStatus < 500
  );
}

/** Throws 503/502 naming every source when none answered. */
function requireOne(errors: SourceErrorInfo[], total: number) {
  if (total > 0 && errors.length === total) {
    throw new ServiceUnavailableError(
      `No alert source answered: ${errors.map(e => e.message).join('; ')}`,
    );
  }
}

/**
 * Reads and writes alerts across the configured Prometheus and Alertmanager
 * instances: one source being down never hides the others, it is reported.
 */
export class AlertsService {
  private readonly prometheus: PrometheusClient[];
  private readonly alertmanagers: AlertmanagerClient[];
  private entityCache?: { at: number; entities: Entity[] };

  private constructor(
    private readonly config: AlertsConfig,
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
  ) {
    this.prometheus = config.prometheus.map(
      s => new PrometheusClient(s, config.timeoutMs, logger),
    );
    this.alertmanagers = config.alertmanager.map(
      s => new AlertmanagerClient(s, config.timeoutMs, logger),
    );
  }

  /**
   * A source that could not be read, as every user sees it: a SourceError's
   * message names the source only (its details are logged where it is
   * thrown); anything else, e.g. an answer of an unexpected shape, is logged
   * here and named in general words.
   */
  private errorInfo(
    error: unknown,
    client: PrometheusClient | AlertmanagerClient,
  ): SourceErrorInfo {
    const { source, kind, displayName } = client.http;
    if (error instanceof SourceError) {
      return { source: source.name, kind, message: error.message };
    }
    this.logger.warn(`Could not read ${displayName}: ${error}`);
    return {
      source: source.name,
      kind,
      message: `${displayName} answered something the portal could not read`,
    };
  }

  static create(options: {
    config: AlertsConfig;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
  }) {
    return new AlertsService(
      options.config,
      options.catalog,
      options.auth,
      options.logger,
    );
  }

  /** Entities that carry alert annotations, cached for a minute. */
  private async alertEntities(): Promise<Entity[]> {
    if (this.entityCache) {
      const ttl = this.entityCache.entities.length
        ? ENTITY_CACHE_MS
        : EMPTY_ENTITY_CACHE_MS;
      if (Date.now() - this.entityCache.at < ttl) {
        return this.entityCache.entities;
      }
    }
    const credentials = await this.auth.getOwnServiceCredentials();
    // one filter per annotation: the catalog ORs them
    const { items } = await this.catalog.getEntities(
      {
        filter: ALERT_ANNOTATIONS.map(a => ({
          [`metadata.annotations.${a}`]: CATALOG_FILTER_EXISTS,
        })),
      },
      { credentials },
    );
    this.entityCache = { at: Date.now(), entities: items };
    return items;
  }

  /**
   * Alerts from every source, normalised, mapped to entities and filtered
   * (the router has checked that `filters.entityRef` is in the catalog).
   */
  async listAlerts(filters: AlertFilters = {}): Promise<AlertsResponse> {
    const errors: SourceErrorInfo[] = [];
    const { severityPriority } = this.config;
    const [am, prom] = await Promise.all([
      Promise.all(
        this.alertmanagers.map(c =>
          c.alerts().then(
            alerts =>
              alerts.map(a =>
                fromAlertmanager(a, c.source.name, severityPriority),
              ),
            e => {
              errors.push(this.errorInfo(e, c));
              return [];
            },
          ),
        ),
      ),
      Promise.all(
        this.prometheus.map(c =>
          c.alerts().then(
            alerts =>
              alerts
                .filter(a => a.state !== 'inactive')
                .map(a => fromPrometheus(a, c.source.name, severityPriority)),
            e => {
              errors.push(this.errorInfo(e, c));
              return [];
            },
          ),
        ),
      ),
    ]);
    requireOne(errors, this.alertmanagers.length + this.prometheus.length);

    const entities = await this.alertEntities();
    const alerts: NormalizedAlert[] = mergeAlerts(am.flat(), prom.flat())
      .map(a => ({
        ...a,
        entityRefs: entities
          .filter(e => entityMatchesAlert(e.metadata.annotations, a))
          .map(e => stringifyEntityRef(e)),
      }))
      .filter(a => alertMatchesFilters(a, filters))
      .sort(
        (a, b) =>
          priorityRank(a.priority) - priorityRank(b.priority) ||
          a.startsAt.localeCompare(b.startsAt),
      );
    return { alerts, counts: countByPriority(alerts), errors };
  }

  async listRules(): Promise<RulesResponse> {
    const errors: SourceErrorInfo[] = [];
    const rules: AlertRule[] = [];
    await Promise.all(
      this.prometheus.map(async c => {
        try {
          for (const group of await c.ruleGroups()) {
            for (const r of group.rules.filter(x => x.type === 'alerting')) {
              rules.push({
                source: c.source.name,
                group: group.name,
                file: group.file,
                name: r.name,
                query: r.query,
                duration: r.duration ?? 0,
                labels: r.labels ?? {},
                annotations: r.annotations ?? {},
                priority: priorityOf(
                  r.labels ?? {},
                  this.config.severityPriority,
                ),
                state: r.state ?? 'inactive',
                health: r.health,
                lastError: r.lastError || undefined,
                lastEvaluation: r.lastEvaluation,
                activeAlerts: r.alerts?.length ?? 0,
              });
            }
          }
        } catch (e) {
          errors.push(this.errorInfo(e, c));
        }
      }),
    );
    requireOne(errors, this.prometheus.length);
    rules.sort(
      (a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name),
    );
    return { rules, errors };
  }

  async listSilences(): Promise<SilencesResponse> {
    const errors: SourceErrorInfo[] = [];
    const silences: Silence[] = [];
    await Promise.all(
      this.alertmanagers.map(async c => {
        try {
          silences.push(
            ...(await c.silences()).map(s => fromAmSilence(s, c.source.name)),
          );
        } catch (e) {
          errors.push(this.errorInfo(e, c));
        }
      }),
    );
    requireOne(errors, this.alertmanagers.length);
    const order = { active: 0, pending: 1, expired: 2 };
    silences.sort(
      (a, b) =>
        order[a.state] - order[b.state] || a.endsAt.localeCompare(b.endsAt),
    );
    return { silences, errors };
  }

  private alertmanager(source?: string): AlertmanagerClient {
    if (this.alertmanagers.length === 0) {
      throw new InputError(
        'No Alertmanager is configured (alerts.alertmanager)',
      );
    }
    if (!source) {
      return this.alertmanagers[0];
    }
    const client = this.alertmanagers.find(c => c.source.name === source);
    if (!client) {
      throw new InputError(
        `Unknown Alertmanager '${source}'; configured: ${this.alertmanagers
          .map(c => c.source.name)
          .join(', ')}`,
      );
    }
    return client;
  }

  /** Validates the request and creates the silence; the creator is the signed-in user. */
  async createSilence(
    request: CreateSilenceRequest,
    createdBy: string,
  ): Promise<Silence> {
    const client = this.alertmanager(request.source);
    let matchers;
    try {
      matchers =
        typeof request.matchers === 'string'
          ? parseMatchers(request.matchers)
          : request.matchers;
      // the regexes Alertmanager would refuse, with the same RE2 semantics
      compileMatchers(matchers);
    } catch (e) {
      throw new InputError((e as MatcherSyntaxError).message);
    }
    if (matchers.length === 0) {
      throw new InputError('A silence needs at least one matcher');
    }
    if (
      matchers.every(m => !m.isEqual || (m.isRegex && /^\.\*$/.test(m.value)))
    ) {
      throw new InputError(
        'A silence needs at least one matcher that selects alerts (=, or =~ other than .*)',
      );
    }
    let ms: number;
    try {
      ms = parseSilenceDuration(String(request.duration ?? ''));
    } catch (e) {
      throw new InputError((e as Error).message);
    }
    const comment = String(request.comment ?? '').trim();
    if (!comment) {
      throw new InputError('A silence needs a comment saying why');
    }
    const startsAt = request.startsAt ? new Date(request.startsAt) : new Date();
    if (Number.isNaN(startsAt.getTime())) {
      throw new InputError(`Invalid startsAt '${request.startsAt}'`);
    }
    const endsAt = new Date(startsAt.getTime() + ms);
    let id: string;
    try {
      id = await client.createSilence({
        matchers,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        createdBy,
        comment,
      });
    } catch (e) {
      if (isRefusal(e)) {
        throw new InputError(
          `${client.http.displayName} refused the silence (${e.upstreamStatus})`,
        );
      }
      throw e;
    }
    this.logger.info(
      `Silence ${id} created by ${createdBy} on ${client.source.name}`,
    );
    return fromAmSilence(await client.silence(id), client.source.name);
  }

  async expireSilence(id: string, source?: string): Promise<void> {
    const client = this.alertmanager(source);
    const notFound = () =>
      new NotFoundError(
        `silence '${id}' not found in ${client.http.displayName}`,
      );
    try {
      // Alertmanager 0.25 answers a DELETE of an unknown ID with 500
      // "silence not found", a GET with 404: ask first
      if (!(await client.findSilence(id))) throw notFound();
      await client.expireSilence(id);
    } catch (e) {
      // newer Alertmanagers answer the DELETE itself with 404
      if (isRefusal(e) && e.upstreamStatus === 404) throw notFound();
      if (isRefusal(e)) {
        throw new InputError(
          `${client.http.displayName} refused to expire silence ${id} (${e.upstreamStatus})`,
        );
      }
      throw e;
    }
  }

  /** A fingerprint of the current alert states, to announce changes. */
  async stateKey(): Promise<string> {
    const { alerts } = await this.listAlerts();
    return alerts
      .map(a => `${a.fingerprint}:${a.state}`)
      .sort()
      .join(',');
  }
}
