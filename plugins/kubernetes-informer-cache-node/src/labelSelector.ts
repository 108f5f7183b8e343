/**
 * Kubernetes label selectors: parsing the string syntax the API server
 * accepts (`a=b,c!=d,e in (f,g),h notin (i),j,!k,l>5`) and matching labels
 * against it, without a round trip to the API server.
 */

/** One requirement of a label selector. */
export interface LabelRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values: string[];
}

/** The object form of a selector, as in `spec.selector` of a Deployment. */
export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: string;
    values?: string[];
  }>;
}

/**
 * What {@link matchesLabelSelector} accepts: the string syntax, a map of
 * equality requirements, the `matchLabels`/`matchExpressions` object form, or
 * already parsed requirements.
 */
export type LabelSelectorInput =
  | string
  | Record<string, string>
  | LabelSelectorObject
  | LabelRequirement[];

const KEY =
  /^([a-zA-Z0-9]([-a-zA-Z0-9.]*[a-zA-Z0-9])?\/)?[a-zA-Z0-9]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const VALUE = /^([a-zA-Z0-9]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?)?$/;

function checkKey(key: string, selector: string): string {
  if (!KEY.test(key) || key.length > 317) {
    throw new Error(`invalid label key '${key}' in selector '${selector}'`);
  }
  return key;
}

function checkValue(value: string, selector: string): string {
  if (!VALUE.test(value) || value.length > 63) {
    throw new Error(`invalid label value '${value}' in selector '${selector}'`);
  }
  return value;
}

/** Splits on commas outside parentheses. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) throw new Error(`unbalanced ')' in selector '${selector}'`);
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (depth !== 0) throw new Error(`unbalanced '(' in selector '${selector}'`);
  terms.push(current);
  return terms.map(t => t.trim());
}

/**
 * Parses the string syntax of a label selector. An empty string selects
 * everything (no requirements). Throws on invalid syntax.
 */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  if (selector.trim() === '') return [];
  return splitTerms(selector).map(term => {
    if (term === '') throw new Error(`empty term in selector '${selector}'`);
    const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
    if (set) {
      const values = set[3]
        .split(',')
        .map(v => checkValue(v.trim(), selector))
        .filter((v, i, all) => all.indexOf(v) === i);
      return {
        key: checkKey(set[1], selector),
        operator: set[2] === 'in' ? 'In' : 'NotIn',
        values,
      };
    }
    const cmp = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(\S*)$/.exec(term);
    if (cmp) {
      const key = checkKey(cmp[1], selector);
      const op = cmp[2];
      if (op === '>' || op === '<') {
        if (!/^-?\d+$/.test(cmp[3])) {
          throw new Error(
            `'${op}' needs an integer value in selector '${selector}'`,
          );
        }
        return { key, operator: op === '>' ? 'Gt' : 'Lt', values: [cmp[3]] };
      }
      return {
        key,
        operator: op === '!=' ? 'NotIn' : 'In',
        values: [checkValue(cmp[3], selector)],
      };
    }
    const not = /^!\s*(\S+)$/.exec(term);
    if (not) {
      return {
        key: checkKey(not[1], selector),
        operator: 'DoesNotExist',
        values: [],
      };
    }
    return { key: checkKey(term, selector), operator: 'Exists', values: [] };
  });
}

function isObjectForm(selector: object): selector is LabelSelectorObject {
  const s = selector as Record<string, unknown>;
  return (
    (typeof s.matchLabels === 'object' && s.matchLabels !== null) ||
    Array.isArray(s.matchExpressions)
  );
}

const OPERATORS: Record<string, LabelRequirement['operator']> = {
  In: 'In',
  NotIn: 'NotIn',
  Exists: 'Exists',
  DoesNotExist: 'DoesNotExist',
  Gt: 'Gt',
  Lt: 'Lt',
};

/** Normalises any accepted selector form into requirements. */
export function toLabelRequirements(
  selector: LabelSelectorInput,
): LabelRequirement[] {
  if (typeof selector === 'string') return parseLabelSelector(selector);
  if (Array.isArray(selector)) return selector;
  if (isObjectForm(selector)) {
    const requirements: LabelRequirement[] = Object.entries(
      selector.matchLabels ?? {},
    ).map(([key, value]) => ({ key, operator: 'In', values: [value] }));
    for (const e of selector.matchExpressions ?? []) {
      const operator = OPERATORS[e.operator];
      if (!operator) {
        throw new Error(`unknown label selector operator '${e.operator}'`);
      }
      requirements.push({ key: e.key, operator, values: e.values ?? [] });
    }
    return requirements;
  }
  return Object.entries(selector as Record<string, string>).map(
    ([key, value]) => ({ key, operator: 'In', values: [value] }),
  );
}

function matchesRequirement(
  labels: Record<string, string> | undefined,
  r: LabelRequirement,
): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, r.key);
  const value = has ? labels![r.key] : undefined;
  switch (r.operator) {
    case 'In':
      return has && r.values.includes(value!);
    case 'NotIn':
      return !has || !r.values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || !/^-?\d+$/.test(value!)) return false;
      const a = Number(value);
      const b = Number(r.values[0]);
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/**
 * True when `labels` satisfy every requirement of `selector`. An empty
 * selector matches everything. Throws when a string selector is invalid.
 */
export function matchesLabelSelector(
  labels: Record<string, string> | undefined,
  selector: LabelSelectorInput,
): boolean {
  return toLabelRequirements(selector).every(r =>
    matchesRequirement(labels, r),
  );
}
