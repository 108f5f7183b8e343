import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ALERTS_LIMITS,
  ALERT_PRIORITIES,
  ALERT_STATES,
  AlertFilters,
  AlertPriority,
  AlertState,
} from '@fdp/plugin-alerts-common';
import { z } from 'zod';
import { parseInput, text } from '@fdp/platform-node';

/** `a,b`, or the parameter repeated (`?p=a&p=b`), as one list of allowed values. */
function list<T extends string>(allowed: readonly T[]) {
  return z
    .union([text(256), z.array(text(256)).max(allowed.length)])
    .transform(v =>
      ([] as string[])
        .concat(v)
        .flatMap(s => s.split(','))
        .map(s => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(allowed as [T, ...T[]])));
}

const entityRef = text(ALERTS_LIMITS.entityRefLength).transform((v, ctx) => {
  try {
    return stringifyEntityRef(
      parseEntityRef(v, { defaultNamespace: 'default' }),
    );
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});

const alertsQuery = z
  .object({
    entityRef: entityRef.optional(),
    priority: list<AlertPriority>(ALERT_PRIORITIES).optional(),
    state: list<AlertState>(ALERT_STATES).optional(),
    receiver: text(ALERTS_LIMITS.nameLength).optional(),
  })
  .strict();

/**
 * `?entityRef=&priority=high,medium&state=firing&receiver=` → filters; any
 * other parameter, value or shape is a 400 naming it.
 */
export function parseAlertFilters(
  query: Record<string, unknown>,
): AlertFilters {
  // an empty parameter (`?priority=`) means no filter, as the UI sends it
  const given = Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== ''),
  );
  const {
    entityRef: ref,
    priority,
    state,
    receiver,
  } = parseInput(alertsQuery, given, 'alerts query');
  return {
    entityRef: ref,
    priority: priority?.length ? priority : undefined,
    state: state?.length ? state : undefined,
    receiver,
  };
}
