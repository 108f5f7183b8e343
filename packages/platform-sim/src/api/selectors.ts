/** Label and field selectors, parsed as the API server parses them. */
import { badRequest } from './status';

export type LabelOperator =
  | 'exists'
  | '!'
  | '='
  | '!='
  | 'in'
  | 'notin'
  | 'gt'
  | 'lt';

export interface LabelRequirement {
  key: string;
  op: LabelOperator;
  values: string[];
}

export type Labels = Record<string, string> | undefined;

const NAME_RE = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN_RE =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Returns an error message if `key` is not a valid label key. */
export function labelKeyError(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    if (!prefix || prefix.length > 253 || !DNS_SUBDOMAIN_RE.test(prefix)) {
      return `invalid label key "${key}": prefix part must be a DNS subdomain`;
    }
  }
  if (!name || name.length > 63 || !NAME_RE.test(name)) {
    return `invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`;
  }
  return undefined;
}

/** Returns an error message if `value` is not a valid label value. */
export function labelValueError(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63 || !NAME_RE.test(value)) {
    return `invalid label value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`;
  }
  return undefined;
}

type Token =
  | { t: 'id'; v: string }
  | { t: 'op'; v: '!' | '=' | '==' | '!=' | '(' | ')' | ',' | '>' | '<' };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '!' && input[i + 1] === '=') {
      tokens.push({ t: 'op', v: '!=' });
      i += 2;
    } else if (c === '=' && input[i + 1] === '=') {
      tokens.push({ t: 'op', v: '==' });
      i += 2;
    } else if ('!=(),><'.includes(c)) {
      tokens.push({ t: 'op', v: c as '!' });
      i++;
    } else if (/[A-Za-z0-9._/-]/.test(c)) {
      let j = i;
      while (j < input.length && /[A-Za-z0-9._/-]/.test(input[j])) j++;
      tokens.push({ t: 'id', v: input.slice(i, j) });
      i = j;
    } else {
      throw badRequest(
        `unable to parse requirement: found '${c}', expected: identifier`,
      );
    }
  }
  return tokens;
}

/** Parses a label selector string; throws a 400 ApiError when malformed. */
export function parseLabelSelector(
  input: string | undefined | null,
): LabelRequirement[] {
  if (!input || !input.trim()) return [];
  const tokens = tokenize(input);
  const reqs: LabelRequirement[] = [];
  let i = 0;
  const peek = () => tokens[i];
  const fail = (msg: string): never => {
    throw badRequest(`unable to parse requirement: ${msg}`);
  };
  const ident = (what: string): string => {
    const tok = tokens[i++];
    if (!tok || tok.t !== 'id') {
      return fail(
        `found '${tok ? tok.v : 'end of string'}', expected: ${what}`,
      );
    }
    return tok.v;
  };
  while (i < tokens.length) {
    let req: LabelRequirement;
    const first = peek();
    if (first.t === 'op' && first.v === '!') {
      i++;
      req = { key: ident("identifier after '!'"), op: '!', values: [] };
    } else {
      const key = ident('identifier');
      const next = peek();
      if (!next || (next.t === 'op' && next.v === ',')) {
        req = { key, op: 'exists', values: [] };
      } else if (next.t === 'op' && (next.v === '=' || next.v === '==')) {
        i++;
        const v = peek();
        const value = v && v.t === 'id' ? (i++, v.v) : '';
        req = { key, op: '=', values: [value] };
      } else if (next.t === 'op' && next.v === '!=') {
        i++;
        const v = peek();
        const value = v && v.t === 'id' ? (i++, v.v) : '';
        req = { key, op: '!=', values: [value] };
      } else if (next.t === 'op' && (next.v === '>' || next.v === '<')) {
        i++;
        const value = ident('integer value');
        if (!/^-?[0-9]+$/.test(value)) fail(`invalid integer value "${value}"`);
        req = { key, op: next.v === '>' ? 'gt' : 'lt', values: [value] };
      } else if (next.t === 'id' && (next.v === 'in' || next.v === 'notin')) {
        i++;
        const open = tokens[i++];
        if (!open || open.t !== 'op' || open.v !== '(')
          fail(`expected '(' after '${next.v}'`);
        const values: string[] = [];
        for (;;) {
          const tok = tokens[i++];
          if (!tok) fail("found 'end of string', expected: ')'");
          if (tok.t === 'op' && tok.v === ')') break;
          if (tok.t === 'op' && tok.v === ',') continue;
          if (tok.t === 'id') values.push(tok.v);
          else fail(`found '${tok.v}', expected: ',', ')' or identifier`);
        }
        if (values.length === 0)
          fail(`for '${next.v}' operator, values set can't be empty`);
        req = { key, op: next.v, values };
      } else {
        return fail(
          `found '${next.v}', expected: in, notin, =, ==, !=, gt, lt`,
        );
      }
    }
    const keyErr = labelKeyError(req.key);
    if (keyErr) throw badRequest(`unable to parse requirement: ${keyErr}`);
    if (req.op !== 'gt' && req.op !== 'lt') {
      for (const v of req.values) {
        const valueErr = labelValueError(v);
        if (valueErr)
          throw badRequest(`unable to parse requirement: ${valueErr}`);
      }
    }
    reqs.push(req);
    const sep = tokens[i];
    if (sep) {
      if (sep.t !== 'op' || sep.v !== ',') {
        fail(`found '${sep.v}', expected: ','`);
      }
      i++;
      if (i >= tokens.length)
        fail("found 'end of string', expected: identifier");
    }
  }
  return reqs;
}

/** Whether labels satisfy every requirement. */
export function matchesLabels(
  reqs: LabelRequirement[],
  labels: Labels,
): boolean {
  for (const r of reqs) {
    const has =
      labels !== undefined &&
      Object.prototype.hasOwnProperty.call(labels, r.key);
    const value = has ? labels![r.key] : undefined;
    switch (r.op) {
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
      case '=':
        if (value !== r.values[0]) return false;
        break;
      case '!=':
        if (value === r.values[0]) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(value!)) return false;
        break;
      case 'notin':
        if (has && r.values.includes(value!)) return false;
        break;
      case 'gt':
      case 'lt': {
        if (!has || !/^-?[0-9]+$/.test(value!)) return false;
        const n = Number(value);
        const bound = Number(r.values[0]);
        if (r.op === 'gt' ? !(n > bound) : !(n < bound)) return false;
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

/** A `metav1.LabelSelector` (matchLabels + matchExpressions) as requirements. */
export function labelSelectorToRequirements(
  selector: unknown,
): LabelRequirement[] {
  const reqs: LabelRequirement[] = [];
  if (!selector || typeof selector !== 'object') return reqs;
  const s = selector as {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  };
  for (const [key, value] of Object.entries(s.matchLabels ?? {})) {
    reqs.push({ key, op: '=', values: [String(value)] });
  }
  for (const e of s.matchExpressions ?? []) {
    const op = String(e.operator ?? '');
    const map: Record<string, LabelOperator> = {
      In: 'in',
      NotIn: 'notin',
      Exists: 'exists',
      DoesNotExist: '!',
      Gt: 'gt',
      Lt: 'lt',
    };
    if (!map[op])
      throw badRequest(`"${op}" is not a valid label selector operator`);
    reqs.push({
      key: e.key,
      op: map[op],
      values: (e.values ?? []).map(String),
    });
  }
  return reqs;
}

/** Formats requirements back to the string form (used for `status.selector`). */
export function formatLabelSelector(reqs: LabelRequirement[]): string {
  return reqs
    .map(r => {
      switch (r.op) {
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
        case '=':
          return `${r.key}=${r.values[0]}`;
        case '!=':
          return `${r.key}!=${r.values[0]}`;
        case 'gt':
          return `${r.key}>${r.values[0]}`;
        case 'lt':
          return `${r.key}<${r.values[0]}`;
        default:
          return `${r.key} ${r.op} (${r.values.join(',')})`;
      }
    })
    .join(',');
}

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

function splitUnescaped(input: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === '\\' && i + 1 < input.length) {
      cur += c + input[i + 1];
      i++;
    } else if (c === sep) {
      parts.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  parts.push(cur);
  return parts;
}

const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

/** Parses a field selector; throws a 400 ApiError when malformed. */
export function parseFieldSelector(
  input: string | undefined | null,
): FieldRequirement[] {
  if (!input || !input.trim()) return [];
  return splitUnescaped(input, ',').map(part => {
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(part.trim());
    if (!m)
      throw badRequest(
        `invalid selector: '${input}'; can't understand '${part}'`,
      );
    return {
      field: m[1].trim(),
      op: m[2] === '!=' ? '!=' : '=',
      value: unescape(m[3]),
    };
  });
}

const COMMON_FIELDS = ['metadata.name', 'metadata.namespace'];
const FIELDS_BY_KIND: Record<string, string[]> = {
  Pod: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  Node: ['spec.unschedulable'],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Namespace: ['status.phase'],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
};

/** Field paths a kind can be selected by (as the real server allows). */
export function supportedFields(kind: string): string[] {
  return [...COMMON_FIELDS, ...(FIELDS_BY_KIND[kind] ?? [])];
}

/** Throws a 400 ApiError when a field is not selectable for this kind. */
export function checkFieldSelector(
  kind: string,
  reqs: FieldRequirement[],
): void {
  const allowed = supportedFields(kind);
  for (const r of reqs) {
    if (!allowed.includes(r.field)) {
      throw badRequest(`field label not supported: ${r.field}`);
    }
  }
}

function fieldValue(obj: any, field: string): string {
  if (field === 'source') return String(obj?.source?.component ?? '');
  let cur: any = obj;
  for (const part of field.split('.')) {
    if (cur === null || cur === undefined) return '';
    cur = cur[part];
  }
  if (cur === undefined || cur === null) return '';
  return String(cur);
}

/** Whether an object satisfies the field requirements. */
export function matchesFields(reqs: FieldRequirement[], obj: unknown): boolean {
  for (const r of reqs) {
    const v = fieldValue(obj, r.field);
    if (r.op === '=' ? v !== r.value : v === r.value) return false;
  }
  return true;
}
