import { Expectation } from './fuzzInputs';

/** A response as the inventory sees it. */
export interface InventoryResponse {
  status: number;
  statusMessage: string;
  body: string;
}

/**
 * What is wrong with a response to malformed input, or undefined when
 * nothing is: no answer at all; a 5xx; a 2xx/3xx where a refusal was due; a refusal without a
 * message; or a body that shows internals (a stack trace, a module path, an
 * internal address such as the simulator's host:port).
 */
export function judgeResponse(
  res: InventoryResponse,
  expect: Expectation,
  internals: readonly string[],
): string | undefined {
  // Node's HTTP parser refuses oversized headers itself: 431, no body, and
  // the connection may close before the answer is read
  if (expect === 'header-limit' && (res.status === 431 || res.status === 0)) {
    return undefined;
  }
  const leaks = [
    ...internals.filter(s => res.body.includes(s)),
    ...[/\n\s+at \S+ \(/, /\bat Object\./, /node_modules/].filter(r =>
      r.test(res.body),
    ),
  ];
  if (leaks.length > 0) {
    return `leaks ${leaks.map(String).join(', ')}`;
  }
  if (res.status === 0) {
    return `no answer (${res.statusMessage})`;
  }
  if (res.status >= 500) {
    return `status ${res.status}`;
  }
  if (expect !== 'no-5xx' && res.status < 400) {
    return `status ${res.status} (accepted malformed input)`;
  }
  if (res.status >= 400 && !message(res)) {
    return `status ${res.status} without a message`;
  }
  return undefined;
}

/** The error message of a Backstage error body, or a plain-text body. */
function message(res: InventoryResponse): string | undefined {
  try {
    const json = JSON.parse(res.body);
    const m = json?.error?.message ?? json?.message ?? json?.error;
    return typeof m === 'string' && m.trim() ? m : undefined;
  } catch {
    return res.body.trim() || undefined;
  }
}
