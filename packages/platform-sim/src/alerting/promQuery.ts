/**
 * `GET /api/v1/query` for instant vector selectors over the series `/metrics` exposes (parsed
 * from the same exposition text, so values are identical) plus `ALERTS`/`ALERTS_FOR_STATE`.
 */
import { Labels, matchesAll, parseVectorSelector } from './matchers';
import { formatFloatF } from './goFormat';
import type { SeriesValue } from './simMetrics';

/** Parses Prometheus text exposition (the subset `/metrics` writes) into samples. */
export function parseExposition(text: string): SeriesValue[] {
  const out: SeriesValue[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const brace = line.indexOf('{');
    const space = line.lastIndexOf(' ');
    let name: string;
    const labels: Labels = {};
    if (brace >= 0 && brace < space) {
      name = line.slice(0, brace);
      const body = line.slice(brace + 1, line.lastIndexOf('}'));
      const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
      for (const m of body.matchAll(re)) {
        labels[m[1]] = m[2].replace(/\\(.)/g, (_x, c: string) =>
          c === 'n' ? '\n' : c,
        );
      }
    } else {
      name = line.slice(0, space);
    }
    const v = line.slice(space + 1);
    let value = Number(v);
    if (v === '+Inf') value = Infinity;
    else if (v === '-Inf') value = -Infinity;
    out.push({ labels: { __name__: name, ...labels }, value });
  }
  return out;
}

export interface QueryResult {
  resultType: 'vector';
  result: { metric: Labels; value: [number, string] }[];
}

/** Evaluates an instant vector selector; throws a PromQLError for anything else. */
export function instantQuery(
  query: string,
  series: () => SeriesValue[],
  timeSeconds: number,
): QueryResult {
  const sel = parseVectorSelector(query);
  const ms = sel.metricName
    ? [
        {
          name: '__name__',
          op: '=' as const,
          value: sel.metricName,
        },
        ...sel.matchers,
      ]
    : sel.matchers;
  const result = series()
    .filter(s => matchesAll(ms, s.labels))
    .map(s => ({
      metric: s.labels,
      value: [timeSeconds, formatFloatF(s.value)] as [number, string],
    }));
  return { resultType: 'vector', result };
}
