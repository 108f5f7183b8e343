import { parseUpdateIncident } from './parseUpdateIncident';

describe('parseUpdateIncident', () => {
  it('takes the fields with the version; null unassigns', () => {
    expect(
      parseUpdateIncident({
        version: 3,
        level: 'P2',
        levelReason: 'less',
        owner: null,
      }),
    ).toEqual({ version: 3, level: 'P2', levelReason: 'less', owner: null });
  });

  it.each([
    [{ title: 'x' }, 'Required at "version"'],
    [{ version: 0, title: 'x' }, 'at "version"'],
    [{ version: 1 }, 'Nothing to change'],
    [
      { version: 1, levelReason: 'why' },
      'levelReason is only meaningful with level',
    ],
    [{ version: 1, postmortem: 'x'.repeat(100_001) }, 'at "postmortem"'],
    [
      { version: 1, responders: Array(51).fill('user:default/a') },
      'at "responders"',
    ],
  ])('refuses %j naming the field', (body, message) => {
    expect(() => parseUpdateIncident(body)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });
});
