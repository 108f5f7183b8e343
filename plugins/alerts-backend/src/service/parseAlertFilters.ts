import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { AlertPriority, AlertState } from '@fdp/plugin-alerts-common';
import { AlertFilters } from './AlertsService';

const PRIORITIES: AlertPriority[] = ['high', 'medium', 'low', 'none'];
const STATES: AlertState[] = ['firing', 'pending', 'silenced', 'inhibited'];

function list<T extends string>(
  value: unknown,
  allowed: T[],
  name: string,
): T[] | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' && !Array.isArray(value)) {
    throw new InputError(`Invalid ${name}`);
  }
  const items = ([] as string[])
    .concat(value as string | string[])
    .flatMap(v => String(v).split(','))
    .map(v => v.trim())
    .filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item as T)) {
      throw new InputError(
        `Invalid ${name} '${item}': use ${allowed.join(', ')}`,
      );
    }
  }
  return items as T[];
}

/** `?entityRef=&priority=high,medium&state=firing&receiver=` → filters, or a 400. */
export function parseAlertFilters(
  query: Record<string, unknown>,
): AlertFilters {
  let entityRef: string | undefined;
  if (query.entityRef !== undefined && query.entityRef !== '') {
    if (typeof query.entityRef !== 'string') {
      throw new InputError('Invalid entityRef');
    }
    try {
      entityRef = stringifyEntityRef(
        parseEntityRef(query.entityRef, { defaultNamespace: 'default' }),
      );
    } catch (e) {
      throw new InputError(
        `Invalid entityRef '${query.entityRef}': ${(e as Error).message}`,
      );
    }
  }
  if (query.receiver !== undefined && typeof query.receiver !== 'string') {
    throw new InputError('Invalid receiver');
  }
  return {
    entityRef,
    priority: list(query.priority, PRIORITIES, 'priority'),
    state: list(query.state, STATES, 'state'),
    receiver: (query.receiver as string | undefined) || undefined,
  };
}
