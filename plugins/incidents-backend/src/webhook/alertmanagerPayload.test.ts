import { firingServiceDown } from '../testing/alertmanagerPayloads';
import { parseAlertmanagerPayload } from './alertmanagerPayload';

describe('parseAlertmanagerPayload', () => {
  it('takes a v4 notification and lets unknown fields through', () => {
    const parsed = parseAlertmanagerPayload({
      ...firingServiceDown,
      future: 1,
    });
    expect(parsed.groupKey).toBe(firingServiceDown.groupKey);
    expect(parsed.alerts[0].labels.incident_level).toBe('P1');
  });

  it.each([
    [{ ...firingServiceDown, version: '3' }, 'at "version"'],
    [{ ...firingServiceDown, status: 'pending' }, 'at "status"'],
    [{ ...firingServiceDown, groupKey: '' }, 'at "groupKey"'],
    [{ ...firingServiceDown, alerts: [] }, 'at "alerts"'],
    [
      {
        ...firingServiceDown,
        alerts: [{ ...firingServiceDown.alerts[0], startsAt: 'soon' }],
      },
      'at "alerts[0].startsAt"',
    ],
    [
      { ...firingServiceDown, commonLabels: { service: 42 } },
      'at "commonLabels.service"',
    ],
    ['not an object', 'Invalid Alertmanager webhook payload'],
  ])('refuses a bad payload naming the field (%#)', (body, message) => {
    expect(() => parseAlertmanagerPayload(body)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });
});
