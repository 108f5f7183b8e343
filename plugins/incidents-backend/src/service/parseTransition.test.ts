import { parseTransition } from './parseTransition';

describe('parseTransition', () => {
  it('takes a stage and an optional note', () => {
    expect(parseTransition({ to: 'responding', note: ' team up ' })).toEqual({
      to: 'responding',
      note: 'team up',
    });
  });

  it.each([
    [{ to: 'done' }, 'at "to"'],
    [{}, 'Required at "to"'],
    [{ to: 'closed', note: 'x'.repeat(10_001) }, 'at "note"'],
  ])('refuses %j naming the field', (body, message) => {
    expect(() => parseTransition(body)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });
});
