import { z } from 'zod';
import { parseInput, text } from './parseInput';

describe('text', () => {
  it('bounds the length and refuses control characters', () => {
    expect(text(3).safeParse('abc').success).toBe(true);
    expect(text(3).safeParse('abcd').success).toBe(false);
    expect(text(9).safeParse('a\u0000b').success).toBe(false);
    expect(text(9).safeParse('a\nb').success).toBe(false);
    expect(text(9, { multiline: true }).safeParse('a\n\tb').success).toBe(true);
    expect(text(9, { multiline: true }).safeParse('a\u0000b').success).toBe(
      false,
    );
  });

  it("takes zod's options", () => {
    const result = text(9, { required_error: 'Required, e.g. x' }).safeParse(
      undefined,
    );
    expect(!result.success && result.error.issues[0].message).toBe(
      'Required, e.g. x',
    );
  });
});

describe('parseInput', () => {
  const schema = z.object({ name: text(5) }).strict();

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
    [
      { name: 'a\u0000' },
      'Invalid thing: Must not contain control characters at "name"',
    ],
  ])('throws an InputError naming the bad field of %j', (value, message) => {
    expect(() => parseInput(schema, value, 'thing')).toThrow(
      expect.objectContaining({ name: 'InputError', message }),
    );
  });

  it('names at most five issues', () => {
    expect(() =>
      parseInput(z.array(z.string()), Array(100).fill(1), 'list'),
    ).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/^(?:[^;]+; ){4}[^;]+$/),
      }),
    );
  });

  it('refuses a NUL character anywhere the schema let one through, naming where', () => {
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
