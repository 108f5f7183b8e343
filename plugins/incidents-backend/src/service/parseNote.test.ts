import { parseNote } from './parseNote';

describe('parseNote', () => {
  it('returns the trimmed text', () => {
    expect(parseNote({ text: ' pods back \n' })).toBe('pods back');
  });

  it.each([
    [{ text: '   ' }, 'at "text"'],
    [{ text: 'x'.repeat(10_001) }, 'at most 10000 character(s) at "text"'],
    [{ note: 'x' }, "Unrecognized key(s) in object: 'note'"],
  ])('refuses %j naming the field', (body, message) => {
    expect(() => parseNote(body)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });
});
