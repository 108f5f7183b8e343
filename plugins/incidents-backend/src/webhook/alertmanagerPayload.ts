import { z } from 'zod';
import { parseInput } from '@fdp/platform-node';

const labels = z.record(z.string().max(10_000));

const alert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels,
  annotations: labels,
  startsAt: z.string().datetime({ offset: true }),
  endsAt: z.string().max(64).optional(),
  generatorURL: z.string().max(10_000).optional(),
  fingerprint: z.string().max(64).optional(),
});

/**
 * The body Alertmanager's webhook receiver sends (version 4). Fields this
 * plugin does not read are let through unchecked: Alertmanager may add some.
 */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal('4'),
  groupKey: z.string().min(1).max(10_000),
  truncatedAlerts: z.number().int().nonnegative().optional(),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().max(1_000),
  groupLabels: labels,
  commonLabels: labels,
  commonAnnotations: labels,
  externalURL: z.string().max(10_000).optional(),
  alerts: z.array(alert).min(1).max(10_000),
});

export type AlertmanagerPayload = z.output<typeof alertmanagerPayloadSchema>;
export type AlertmanagerAlert = AlertmanagerPayload['alerts'][number];

/** An Alertmanager notification; anything else is a 400 naming the field. */
export function parseAlertmanagerPayload(body: unknown): AlertmanagerPayload {
  return parseInput(
    alertmanagerPayloadSchema,
    body,
    'Alertmanager webhook payload',
  );
}
