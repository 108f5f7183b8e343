/**
 * An Alertmanager (API v2 subset, JSON as Alertmanager 0.25 answers): alerts pushed by the
 * rule engine or posted, routed to receivers, silenced and inhibited; silences with
 * pending/active/expired states on the scenario clock.
 */
import { randomUUID } from 'node:crypto';
import { AlertmanagerConfig, builtinConfig, matchRoutes } from './amConfig';
import { fingerprint, sortLabels } from './fingerprint';
import { isoMs } from './goFormat';
import {
  compileAnchored,
  Labels,
  makeMatcher,
  Matcher,
  MatcherError,
  matches,
  matchesAll,
  parseAmMatchers,
  regexpError,
} from './matchers';

/** An alert as posted to `POST /api/v2/alerts`. */
export interface PostableAlert {
  labels: Labels;
  annotations?: Labels;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
}

/** An alert as `GET /api/v2/alerts` returns it. */
export interface GettableAlert {
  annotations: Labels;
  endsAt: string;
  fingerprint: string;
  receivers: { name: string }[];
  startsAt: string;
  status: {
    inhibitedBy: string[];
    silencedBy: string[];
    state: 'active' | 'suppressed' | 'unprocessed';
  };
  updatedAt: string;
  generatorURL?: string;
  labels: Labels;
}

export interface SilenceMatcher {
  isEqual: boolean;
  isRegex: boolean;
  name: string;
  value: string;
}

/** A silence as `GET /api/v2/silences` returns it. */
export interface GettableSilence {
  id: string;
  status: { state: 'pending' | 'active' | 'expired' };
  updatedAt: string;
  comment: string;
  createdBy: string;
  endsAt: string;
  matchers: SilenceMatcher[];
  startsAt: string;
}

/** A silence as posted (`id` to update one). */
export interface PostableSilence {
  id?: string;
  matchers: SilenceMatcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

/** A stored alert as the notification dispatcher sees it. */
export interface NotifiableAlert {
  labels: Labels;
  annotations: Labels;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
  resolved: boolean;
  /** Silenced or inhibited now. */
  muted: boolean;
}

/** An HTTP error with the body Alertmanager would send (a JSON string or `{code, message}`). */
export class AlertmanagerError extends Error {
  constructor(readonly status: number, readonly body: unknown) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
  }
}

interface StoredAlert {
  labels: Labels;
  annotations: Labels;
  startsAt: number;
  endsAt: number;
  updatedAt: number;
  generatorURL?: string;
  /** endsAt was set from resolve_timeout, not by the sender. */
  timeout: boolean;
  fingerprint: string;
}

interface StoredSilence {
  id: string;
  matchers: SilenceMatcher[];
  compiled: Matcher[];
  startsAt: number;
  endsAt: number;
  updatedAt: number;
  createdBy: string;
  comment: string;
}

/** Query parameters of `GET /api/v2/alerts`. */
export interface AlertQuery {
  filter?: string[];
  receiver?: string;
  active?: boolean;
  silenced?: boolean;
  inhibited?: boolean;
  unprocessed?: boolean;
}

const RESOLVED_RETENTION_MS = 60 * 60 * 1000;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function silenceState(s: StoredSilence, now: number) {
  if (s.endsAt <= now) return 'expired' as const;
  if (s.startsAt > now) return 'pending' as const;
  return 'active' as const;
}

function parseTime(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const t = Date.parse(String(v));
  if (Number.isNaN(t))
    throw new AlertmanagerError(400, {
      code: 400,
      message: `parsing body from "" failed, because parsing time ${JSON.stringify(
        String(v),
      )} as "2006-01-02T15:04:05Z07:00": cannot parse ${field}`,
    });
  return t;
}

function compileSilenceMatcher(m: SilenceMatcher): Matcher {
  if (m.isRegex) return makeMatcher(m.name, m.isEqual ? '=~' : '!~', m.value);
  return makeMatcher(m.name, m.isEqual ? '=' : '!=', m.value);
}

export class Alertmanager {
  private readonly store = new Map<string, StoredAlert>();
  private readonly silenceStore = new Map<string, StoredSilence>();
  readonly startedAt: number;

  constructor(
    readonly config: AlertmanagerConfig = builtinConfig(),
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  /** `POST /api/v2/alerts`: stores (merges) alerts; returns validation errors of rejected ones. */
  receive(alerts: PostableAlert[]): string[] {
    const now = this.now();
    const errors: string[] = [];
    for (const a of alerts) {
      const labels = { ...(a.labels ?? {}) };
      const annotations = { ...(a.annotations ?? {}) };
      let startsAt = parseTime(a.startsAt, 'startsAt');
      let endsAt = parseTime(a.endsAt, 'endsAt');
      let timeout = false;
      if (startsAt === undefined) startsAt = endsAt ?? now;
      if (endsAt === undefined) {
        timeout = true;
        endsAt = now + this.config.resolveTimeoutSeconds * 1000;
      }
      if (Object.keys(labels).length === 0) {
        errors.push('at least one label pair required');
        continue;
      }
      const badName = Object.keys(labels).find(k => !LABEL_NAME.test(k));
      if (badName) {
        errors.push(`invalid label set: invalid name "${badName}"`);
        continue;
      }
      const badAnn = Object.keys(annotations).find(k => !LABEL_NAME.test(k));
      if (badAnn) {
        errors.push(`invalid annotations: invalid name "${badAnn}"`);
        continue;
      }
      if (endsAt < startsAt) {
        errors.push('start time must be before end time');
        continue;
      }
      for (const k of Object.keys(labels)) labels[k] = String(labels[k]);
      const fp = fingerprint(labels);
      let next: StoredAlert = {
        labels,
        annotations,
        startsAt,
        endsAt,
        updatedAt: now,
        generatorURL: a.generatorURL || undefined,
        timeout,
        fingerprint: fp,
      };
      const old = this.store.get(fp);
      if (
        old &&
        ((next.endsAt > old.startsAt && next.endsAt < old.endsAt) ||
          (next.startsAt > old.startsAt && next.startsAt < old.endsAt))
      ) {
        next = merge(old, next, now);
      }
      this.store.set(fp, next);
    }
    this.gc(now);
    return errors;
  }

  private gc(now: number): void {
    for (const [fp, a] of this.store)
      if (a.endsAt < now - RESOLVED_RETENTION_MS) this.store.delete(fp);
  }

  private activeSilences(now: number): StoredSilence[] {
    return [...this.silenceStore.values()].filter(
      s => silenceState(s, now) === 'active',
    );
  }

  /** Status of one alert now: silences and inhibiting alert, as Alertmanager's marker has it. */
  private statusOf(
    a: StoredAlert,
    sources: StoredAlert[][],
    silences: StoredSilence[],
  ): GettableAlert['status'] {
    const silencedBy = silences
      .filter(s => matchesAll(s.compiled, a.labels))
      .map(s => s.id)
      .sort();
    const inhibitedBy: string[] = [];
    this.config.inhibitRules.forEach((rule, i) => {
      if (inhibitedBy.length || !matchesAll(rule.target, a.labels)) return;
      const twoSided = matchesAll(rule.source, a.labels);
      const source = sources[i].find(
        s =>
          rule.equal.every(n => (s.labels[n] ?? '') === (a.labels[n] ?? '')) &&
          !(twoSided && matchesAll(rule.target, s.labels)),
      );
      if (source) inhibitedBy.push(source.fingerprint);
    });
    return {
      inhibitedBy,
      silencedBy,
      state: silencedBy.length || inhibitedBy.length ? 'suppressed' : 'active',
    };
  }

  /** `GET /api/v2/alerts`. Throws {@link AlertmanagerError} for a bad filter or receiver. */
  alerts(query: AlertQuery = {}): GettableAlert[] {
    const now = this.now();
    let filter: Matcher[] = [];
    try {
      filter = (query.filter ?? []).flatMap(f => {
        if (!f.trim()) throw new MatcherError(`bad matcher format: ${f}`);
        return parseAmMatchers(f);
      });
    } catch (e) {
      throw new AlertmanagerError(400, (e as Error).message);
    }
    let receiverRe: RegExp | undefined;
    if (query.receiver) {
      try {
        receiverRe = compileAnchored(query.receiver);
      } catch (e) {
        throw new AlertmanagerError(
          400,
          `failed to parse receiver param: ${(e as Error).message}`,
        );
      }
    }
    const all = [...this.store.values()].sort((a, b) =>
      a.fingerprint < b.fingerprint ? -1 : 1,
    );
    const firing = all.filter(a => a.endsAt > now);
    const silences = this.activeSilences(now);
    // alerts that can inhibit, per inhibit rule (firing and matching its source side)
    const sources = this.config.inhibitRules.map(rule =>
      firing.filter(s => matchesAll(rule.source, s.labels)),
    );
    const out: GettableAlert[] = [];
    for (const a of firing) {
      const receivers = matchRoutes(this.config.route, a.labels).map(
        r => r.receiver,
      );
      if (receiverRe && !receivers.some(r => receiverRe!.test(r))) continue;
      if (!matchesAll(filter, a.labels)) continue;
      const status = this.statusOf(a, sources, silences);
      if (query.active === false && status.state === 'active') continue;
      if (query.silenced === false && status.silencedBy.length) continue;
      if (query.inhibited === false && status.inhibitedBy.length) continue;
      out.push({
        annotations: a.annotations,
        endsAt: isoMs(a.endsAt),
        fingerprint: a.fingerprint,
        receivers: receivers.map(name => ({ name })),
        startsAt: isoMs(a.startsAt),
        status,
        updatedAt: isoMs(a.updatedAt),
        ...(a.generatorURL ? { generatorURL: a.generatorURL } : {}),
        labels: sortLabels(a.labels),
      });
    }
    return out;
  }

  /**
   * Every stored alert (firing, and resolved ones still kept) with whether a silence or an
   * inhibit rule mutes it now: what the notification dispatcher groups and sends.
   */
  notifiable(): NotifiableAlert[] {
    const now = this.now();
    const all = [...this.store.values()];
    const firing = all.filter(a => a.endsAt > now);
    const silences = this.activeSilences(now);
    const sources = this.config.inhibitRules.map(rule =>
      firing.filter(s => matchesAll(rule.source, s.labels)),
    );
    return all.map(a => ({
      labels: sortLabels(a.labels),
      annotations: a.annotations,
      startsAt: isoMs(a.startsAt),
      endsAt: isoMs(a.endsAt),
      generatorURL: a.generatorURL ?? '',
      fingerprint: a.fingerprint,
      resolved: a.endsAt <= now,
      muted: this.statusOf(a, sources, silences).state === 'suppressed',
    }));
  }

  private toGettable(s: StoredSilence, now: number): GettableSilence {
    return {
      id: s.id,
      status: { state: silenceState(s, now) },
      updatedAt: isoMs(s.updatedAt),
      comment: s.comment,
      createdBy: s.createdBy,
      endsAt: isoMs(s.endsAt),
      matchers: s.matchers.map(m => ({
        isEqual: m.isEqual,
        isRegex: m.isRegex,
        name: m.name,
        value: m.value,
      })),
      startsAt: isoMs(s.startsAt),
    };
  }

  /**
   * `GET /api/v2/silences`: active (by end), pending (by start), expired (latest end first).
   * A `filter` matcher selects silences having exactly that matcher, as Alertmanager 0.25 does.
   */
  silences(filter: string[] = []): GettableSilence[] {
    const now = this.now();
    let ms: Matcher[];
    try {
      ms = filter.flatMap(f => {
        if (!f.trim()) throw new MatcherError(`bad matcher format: ${f}`);
        return parseAmMatchers(f);
      });
    } catch (e) {
      throw new AlertmanagerError(400, (e as Error).message);
    }
    const rank = { active: 0, pending: 1, expired: 2 };
    return [...this.silenceStore.values()]
      .filter(s =>
        ms.every(m =>
          s.matchers.some(
            sm =>
              sm.name === m.name &&
              sm.value === m.value &&
              sm.isRegex === (m.op === '=~' || m.op === '!~') &&
              sm.isEqual === (m.op === '=' || m.op === '=~'),
          ),
        ),
      )
      .sort((a, b) => {
        const sa = silenceState(a, now);
        const sb = silenceState(b, now);
        if (sa !== sb) return rank[sa] - rank[sb];
        if (sa === 'active') return a.endsAt - b.endsAt;
        if (sa === 'pending') return a.startsAt - b.startsAt;
        return b.endsAt - a.endsAt;
      })
      .map(s => this.toGettable(s, now));
  }

  /** `GET /api/v2/silence/{id}`; undefined when unknown. */
  silence(id: string): GettableSilence | undefined {
    const s = this.silenceStore.get(id);
    return s && this.toGettable(s, this.now());
  }

  /** `POST /api/v2/silences`: validates like Alertmanager and returns the silence ID. */
  addSilence(body: unknown): string {
    const b = body as any;
    if (!b || typeof b !== 'object' || Array.isArray(b))
      throw new AlertmanagerError(400, {
        code: 400,
        message:
          'parsing silence body from "" failed, because json: cannot unmarshal into Go value of type models.PostableSilence',
      });
    const required = (v: unknown, name: string) => {
      if (v === undefined || v === null)
        throw new AlertmanagerError(422, {
          code: 602,
          message: `${name} in body is required`,
        });
    };
    required(b.comment, 'comment');
    required(b.createdBy, 'createdBy');
    required(b.endsAt, 'endsAt');
    required(b.matchers, 'matchers');
    if (!Array.isArray(b.matchers) || b.matchers.length === 0)
      throw new AlertmanagerError(422, {
        code: 612,
        message: 'matchers in body should have at least 1 items',
      });
    b.matchers.forEach((m: any, i: number) => {
      required(m?.isRegex, `matchers.${i}.isRegex`);
      required(m?.name, `matchers.${i}.name`);
      required(m?.value, `matchers.${i}.value`);
    });
    required(b.startsAt, 'startsAt');
    const now = this.now();
    let startsAt = parseTime(b.startsAt, 'startsAt')!;
    const endsAt = parseTime(b.endsAt, 'endsAt')!;
    if (startsAt >= endsAt)
      throw new AlertmanagerError(
        400,
        'Failed to create silence: start time must be before end time',
      );
    if (endsAt < now)
      throw new AlertmanagerError(
        400,
        "Failed to create silence: end time can't be in the past",
      );
    const matchers: SilenceMatcher[] = b.matchers.map((m: any) => ({
      isEqual: m.isEqual === undefined ? true : Boolean(m.isEqual),
      isRegex: Boolean(m.isRegex),
      name: String(m.name),
      value: String(m.value),
    }));
    const id = b.id ? String(b.id) : '';
    const prev = id ? this.silenceStore.get(id) : undefined;
    if (id && !prev) throw new AlertmanagerError(404, 'silence not found');
    const compiled: Matcher[] = [];
    matchers.forEach((m, i) => {
      if (!LABEL_NAME.test(m.name))
        throw new AlertmanagerError(
          400,
          `silence invalid: invalid label matcher ${i}: invalid label name ${JSON.stringify(
            m.name,
          )}`,
        );
      if (m.isRegex) {
        const err = regexpError(m.value);
        if (err)
          throw new AlertmanagerError(
            400,
            `silence invalid: invalid label matcher ${i}: invalid regular expression ${JSON.stringify(
              m.value,
            )}: ${err}`,
          );
      }
      compiled.push(compileSilenceMatcher(m));
    });
    if (compiled.every(m => matches(m, {})))
      throw new AlertmanagerError(
        400,
        'silence invalid: at least one matcher must not match the empty string',
      );
    const createdBy = String(b.createdBy);
    const comment = String(b.comment);
    if (prev) {
      const sameMatchers =
        JSON.stringify(prev.matchers) === JSON.stringify(matchers);
      const state = silenceState(prev, now);
      const canUpdate =
        sameMatchers &&
        ((state === 'active' && startsAt === prev.startsAt && endsAt >= now) ||
          (state === 'pending' && startsAt >= now));
      if (canUpdate) {
        Object.assign(prev, { endsAt, startsAt, createdBy, comment });
        prev.updatedAt = now;
        return prev.id;
      }
      if (state !== 'expired') this.expire(prev, now);
    }
    if (startsAt < now) startsAt = now;
    const silence: StoredSilence = {
      id: randomUUID(),
      matchers,
      compiled,
      startsAt,
      endsAt,
      updatedAt: now,
      createdBy,
      comment,
    };
    this.silenceStore.set(silence.id, silence);
    return silence.id;
  }

  private expire(s: StoredSilence, now: number): void {
    const state = silenceState(s, now);
    if (state === 'expired') return;
    if (state === 'pending') s.startsAt = now;
    s.endsAt = now;
    s.updatedAt = now;
  }

  /** `DELETE /api/v2/silence/{id}`: expires it; false when unknown. */
  expireSilence(id: string): boolean {
    const s = this.silenceStore.get(id);
    if (!s) return false;
    this.expire(s, this.now());
    return true;
  }

  /** `GET /api/v2/status`. */
  status(): unknown {
    return {
      cluster: { peers: [], status: 'disabled' },
      config: { original: this.config.original },
      uptime: isoMs(this.startedAt),
      versionInfo: {
        branch: 'platform-sim',
        buildDate: '',
        buildUser: 'platform-sim',
        goVersion: '',
        revision: 'platform-sim',
        version: '0.25.0',
      },
    };
  }

  /** `GET /api/v2/receivers`. */
  receivers(): { name: string }[] {
    return this.config.receivers.map(name => ({ name }));
  }
}

/** Alertmanager's `Alert.Merge`: `b` is the younger alert. */
function merge(a: StoredAlert, b: StoredAlert, now: number): StoredAlert {
  const res = { ...b };
  if (a.startsAt < b.startsAt) res.startsAt = a.startsAt;
  const resolved = (x: StoredAlert) => x.endsAt <= now;
  if (resolved(b)) {
    if (resolved(a) && a.endsAt > b.endsAt) res.endsAt = a.endsAt;
  } else if (a.endsAt > b.endsAt && !a.timeout) {
    res.endsAt = a.endsAt;
  }
  return res;
}
