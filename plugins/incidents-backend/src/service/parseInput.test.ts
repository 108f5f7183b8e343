import { z } from 'zod';
import { parseInput } from './parseInput';

describe('parseInput', () => {
  const schema = z.object({ name: z.string().max(5) }).strict();

  it('returns the data', () => {
    expect(parseInput(schema, { name: 'ok' }, 'thing')).toEqual({
      name: 'ok',
    });
  });

  it.each([
    [
      { name: 7, nmae: 'x' },
      'Invalid thing: Expected string, received number at "name"; ' +
        "Unrecognized key(s) in object: 'nmae'",
    ],
    [
      { name: 'toolong' },
      'Invalid thing: String must contain at most 5 character(s) at "name"',
    ],
  ])('throws an InputError naming the bad field of %j', (value, message) => {
    expect(() => parseInput(schema, value, 'thing')).toThrow(
      expect.objectContaining({ name: 'InputError', message }),
    );
  });

  it('refuses a NUL character anywhere, naming where', () => {
    const nested = z.object({ a: z.array(z.object({ b: z.string() })) });
    expect(() =>
      parseInput(nested, { a: [{ b: 'ok' }, { b: 'x\u0000' }] }, 'thing'),
    ).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: 'Invalid thing: must not contain NUL characters at "a[1].b"',
      }),
    );
  });
});
